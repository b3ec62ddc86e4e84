package cn.smartunion.membership.org.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrgTypeTest {

    @ParameterizedTest(name = "{1} under {0}: {2}")
    @CsvSource({
            "NATIONAL_FEDERATION, PROVINCIAL_FEDERATION, true",
            "CITY_FEDERATION, PROVINCIAL_FEDERATION, false",
            "PROVINCIAL_FEDERATION, COUNTY_FEDERATION, true",   // 省直管县
            "CITY_FEDERATION, TOWNSHIP_UNION, true",            // 不设区的市
            "TOWNSHIP_UNION, VILLAGE_UNION, true",
            "STREET_UNION, COMMUNITY_UNION, true",
            "COUNTY_FEDERATION, VILLAGE_UNION, false",
            "COUNTY_FEDERATION, MARKET_UNION, true",
            "CITY_FEDERATION, EDUCATION_UNION, true",
            "EDUCATION_UNION, GRASSROOTS_UNION, true",
            "INDUSTRY_UNION, SYSTEM_UNION, true",
            "SYSTEM_UNION, SUB_BRANCH, true",
            "ENTERPRISE_GROUP_UNION, PROJECT_UNION, true",
            "GRASSROOTS_UNION, PROJECT_UNION, true",
            "GRASSROOTS_UNION, GRASSROOTS_UNION, false",
            "JOINT_GRASSROOTS_UNION, SUB_BRANCH, true",
            "SUB_BRANCH, UNION_GROUP, true",
            "UNION_GROUP, UNION_GROUP, false",
            "PROJECT_UNION, COUNTY_FEDERATION, false",
            "NEW_FORM_WORKER_UNION, JOINT_UNION, true",
            "BRAND_ALLIANCE_FEDERATION, GRASSROOTS_UNION, true",
    })
    void containment(OrgType parent, OrgType child, boolean allowed) {
        assertThat(parent.mayContain(child)).isEqualTo(allowed);
    }
}
