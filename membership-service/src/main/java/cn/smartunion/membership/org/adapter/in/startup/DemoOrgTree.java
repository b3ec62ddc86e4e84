package cn.smartunion.membership.org.adapter.in.startup;

import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo tree behind the local realm's demo users (Hubei / Shiyan / Yunxi and Zhushan counties / a grassroots
 * union in Yunxi), registered through the ordinary use case so its events flow to every service. Local runs only.
 */
@Component
@ConditionalOnBooleanProperty("smartunion.demo-data.enabled")
class DemoOrgTree implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrgTree.class);

    private final OrgRegistration registration;

    DemoOrgTree(OrgRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        OrgPath hubei = OrgPath.root("420000");
        registration.registerChildIfAbsent(hubei, "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        OrgPath shiyan = hubei.child("420300");
        registration.registerChildIfAbsent(shiyan, "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION);
        registration.registerChildIfAbsent(shiyan, "420323", "竹山县总工会", OrgType.COUNTY_FEDERATION);
        registration.registerChildIfAbsent(shiyan.child("420322"), "Y0001", "郧西县快递物流行业联合工会",
                OrgType.JOINT_UNION);
        log.info("demo organisation tree present: 420000/420300/{420322,420323}, 420000/420300/420322/Y0001");
    }
}
