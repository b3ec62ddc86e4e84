package cn.smartunion.membership.org.adapter.in.startup;

import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.CoveredUnit;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.UnitOwnership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The demo tree behind the local realm's demo users, registered through the ordinary use case so its events flow to
 * every service. Local runs only. Shiyan city with Yunxi and Zhushan counties, and in Yunxi an express-delivery joint
 * union and a new-form workers' federation; Suizhou city with Sui county and an enterprise union there, the
 * destination of the demo transfer from Yunxi. The companies are made up; their credit codes are synthetic (valid
 * check characters, zero organisation codes).
 */
@Component
@ConditionalOnBooleanProperty("smartunion.demo-data.enabled")
class DemoOrgTree implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOrgTree.class);

    static final OrgPath HUBEI = OrgPath.root("420000");
    static final OrgPath SHIYAN = HUBEI.child("420300");
    static final OrgPath YUNXI = SHIYAN.child("420322");
    static final OrgPath SUIZHOU = HUBEI.child("421300");
    static final OrgPath SUI_COUNTY = SUIZHOU.child("421321");

    private final OrgRegistration registration;

    DemoOrgTree(OrgRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void run(ApplicationArguments args) {
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        registration.registerChildIfAbsent(HUBEI, "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        registration.registerChildIfAbsent(SHIYAN, "420322", "郧西县总工会", OrgType.COUNTY_FEDERATION);
        registration.registerChildIfAbsent(SHIYAN, "420323", "竹山县总工会", OrgType.COUNTY_FEDERATION);
        registration.registerChildIfAbsent(YUNXI, "Y0001", "郧西县快递物流行业联合工会", OrgType.JOINT_UNION);
        registration.registerChildIfAbsent(YUNXI, "Y0002", "郧西县新就业形态工会联合会", OrgType.NEW_FORM_WORKER_UNION,
                new OrgProfile(List.of("G6020", "G54"), List.of(
                        new CoveredUnit("郧西县某快递服务有限公司", "914203220000000015"),
                        new CoveredUnit("郧西县某同城配送有限公司", "914203220000000028"),
                        new CoveredUnit("郧西县某外卖配送服务部", "92420322000000004B")),
                        null, 460, LocalDate.of(2023, 5, 1), null));
        registration.registerChildIfAbsent(HUBEI, "421300", "随州市总工会", OrgType.CITY_FEDERATION);
        registration.registerChildIfAbsent(SUIZHOU, "421321", "随县总工会", OrgType.COUNTY_FEDERATION);
        registration.registerChildIfAbsent(SUI_COUNTY, "S0001", "随县某专用汽车有限公司工会", OrgType.GRASSROOTS_UNION,
                new OrgProfile(List.of("C36"), List.of(), UnitOwnership.NON_PUBLIC, 320, LocalDate.of(2015, 5, 1),
                        null));
        log.info("demo organisation tree present: 420000/420300/{420322,420323}, 420000/420300/420322/{Y0001,Y0002},"
                + " 420000/421300/421321/S0001");
    }
}
