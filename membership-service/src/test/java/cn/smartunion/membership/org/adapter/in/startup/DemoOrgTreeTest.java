package cn.smartunion.membership.org.adapter.in.startup;

import cn.smartunion.membership.MembershipSpringTest;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class DemoOrgTreeTest extends MembershipSpringTest {

    @Autowired OrgRegistration registration;
    @Autowired OrgUnits units;

    @Test
    void theDemoTreeHasYunxisNewFormUnionAndSuizhouAndCanBeLaidDownTwice() {
        DemoOrgTree demo = new DemoOrgTree(registration);
        demo.run(null);
        demo.run(null);

        OrgUnit riders = units.findByPath(DemoOrgTree.YUNXI.child("Y0002")).orElseThrow();
        assertThat(riders.name()).isEqualTo("郧西县新就业形态工会联合会");
        assertThat(riders.type()).isEqualTo(OrgType.NEW_FORM_WORKER_UNION);
        assertThat(riders.profile().coveredUnits()).hasSize(3);
        assertThat(units.findByPath(DemoOrgTree.SUIZHOU).orElseThrow().divisionCode()).isEqualTo("421300");
        OrgUnit suiCounty = units.findByPath(DemoOrgTree.SUI_COUNTY).orElseThrow();
        assertThat(suiCounty.name()).isEqualTo("随县总工会");
        OrgUnit enterprise = units.findByPath(DemoOrgTree.SUI_COUNTY.child("S0001")).orElseThrow();
        assertThat(enterprise.type()).isEqualTo(OrgType.GRASSROOTS_UNION);
        assertThat(enterprise.parentId()).isEqualTo(suiCounty.id());
        assertThat(units.findByPath(DemoOrgTree.YUNXI.child("Y0001"))).isPresent();
    }
}
