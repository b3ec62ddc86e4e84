package cn.smartunion.membership.enrolment.application;

import cn.smartunion.membership.enrolment.RosterGenerator;
import cn.smartunion.membership.enrolment.application.roster.RawRow;
import cn.smartunion.membership.enrolment.application.roster.RosterHeader;
import cn.smartunion.membership.enrolment.domain.EmploymentForms;
import cn.smartunion.membership.enrolment.domain.GroupTags;
import cn.smartunion.membership.enrolment.domain.Rejection;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnits;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RowValidationTest {

    private static final Instant NOW = Instant.parse("2026-05-01T00:00:00Z");
    private static final String YUNXI = "420000/420300/420322";
    private static final String[] HEADER = {"姓名", "身份证号", "手机号", "统一社会信用代码", "用工形式", "群体标签",
            "平台", "组织代码"};

    private final OrgUnits orgs = new InMemoryOrgTree(List.of(
            InMemoryOrgTree.unit("y1", "Y0001", "郧西县快递物流行业联合工会", OrgType.JOINT_UNION, "yunxi",
                    YUNXI + "/Y0001", null),
            InMemoryOrgTree.unit("zhushan", "420323", "竹山县总工会", OrgType.COUNTY_FEDERATION, "shiyan",
                    "420000/420300/420323", "420323")));
    private final RowValidation validation = new RowValidation(RosterHeader.of(new RawRow(1, HEADER)),
            GroupTags.DEFAULT, EmploymentForms.DEFAULT, new OrgTargets(orgs, "yunxi", YUNXI),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aGoodRowBecomesARosterRowWithCodesAndTheJobsOrg() {
        RosterRow row = valid(row(2, "张三", "110101199003078515", "+86 138-1234-5678", "91420300MA4F0XQ065",
                "众包", "外卖骑手、新就业形态劳动者", "美团、饿了么", ""));

        assertThat(row.legalName()).isEqualTo("张三");
        assertThat(row.idNumber().value()).isEqualTo("110101199003078515");
        assertThat(row.mobilePhone()).isEqualTo("13812345678");
        assertThat(row.employmentForm()).isEqualTo("PLATFORM_FLEXIBLE");
        assertThat(row.groupTags()).containsExactly("FOOD_DELIVERY_RIDER", "NEW_FORM_WORKER");
        assertThat(row.platforms()).containsExactly("美团", "饿了么");
        assertThat(row.orgId()).isEqualTo("yunxi");
        assertThat(row.toString()).doesNotContain("110101").doesNotContain("张三");
    }

    @Test
    void aRowMayNameAnOrgBelowTheJobsOrgButNotBesideIt() {
        assertThat(valid(row(2, "张三", "110101199003078515", "", "", "", "", "", "Y0001")).orgId()).isEqualTo("y1");
        assertThat(valid(row(3, "李四", "110101199003074514", "", "", "", "", "", YUNXI + "/Y0001")).orgPath())
                .isEqualTo(YUNXI + "/Y0001");
        assertThat(valid(row(4, "王五", "110101199003071292", "", "", "", "", "", "420322")).orgId()).isEqualTo("yunxi");

        Rejection sibling = invalid(row(5, "赵六", "110101199003070513", "", "", "", "", "", "420000/420300/420323"));
        assertThat(sibling.reason()).isEqualTo("ORG_OUT_OF_SCOPE");
        assertThat(sibling.field()).isEqualTo("orgCode");
        assertThat(invalid(row(6, "钱七", "110101199003073351", "", "", "", "", "", "NOPE")).reason())
                .isEqualTo("ORG_OUT_OF_SCOPE");
    }

    @Test
    void eachProblemIsNamedWithItsFieldAndNoPersonalDataInClear() {
        Rejection badId = invalid(row(2, "张三", "110101199003078514", "", "", "", "", "", ""));
        assertThat(badId.reason()).isEqualTo("INVALID_CITIZEN_ID");
        assertThat(badId.detail()).isEqualTo("WRONG_CHECK_DIGIT");
        assertThat(badId.field()).isEqualTo("idNumber");
        assertThat(badId.value()).isEqualTo("1101**********8514");

        Rejection badPhone = invalid(row(3, "张三", fresh(), "12345678901", "", "", "", "", ""));
        assertThat(badPhone.reason()).isEqualTo("INVALID_MOBILE_PHONE");
        assertThat(badPhone.value()).isEqualTo("123****8901");

        assertThat(invalid(row(4, "", fresh(), "", "", "", "", "", "")))
                .extracting(Rejection::reason, Rejection::field).containsExactly("MISSING_REQUIRED_FIELD", "name");
        assertThat(invalid(row(5, "王五", "", "", "", "", "", "", "")))
                .extracting(Rejection::reason, Rejection::field).containsExactly("MISSING_REQUIRED_FIELD", "idNumber");
        assertThat(invalid(row(6, "王五", fresh(), "", "91420300MA4F0XQ06X", "", "", "", "")))
                .extracting(Rejection::reason, Rejection::field).containsExactly("INVALID_CREDIT_CODE",
                        "employerCreditCode");
        assertThat(invalid(row(7, "王五", fresh(), "", "", "包月", "", "", "")))
                .extracting(Rejection::reason, Rejection::value).containsExactly("UNKNOWN_EMPLOYMENT_FORM", "包月");
        assertThat(invalid(row(8, "王五", fresh(), "", "", "", "快递员、星际旅行者", "", "")))
                .extracting(Rejection::reason, Rejection::value).containsExactly("UNKNOWN_GROUP_TAG", "星际旅行者");
        assertThat(invalid(row(9, "王".repeat(51), fresh(), "", "", "", "", "", "")))
                .extracting(Rejection::reason, Rejection::field).containsExactly("VALUE_TOO_LONG", "name");
    }

    @Test
    void theSamePersonLaterInTheFileIsADuplicateOfTheFirstRowWhateverBecameOfIt() {
        invalid(row(2, "", "110101199003078515", "", "", "", "", "", ""));

        Rejection duplicate = invalid(row(9, "张三", "110101199003078515", "", "", "", "", "", ""));

        assertThat(duplicate.reason()).isEqualTo("DUPLICATE_IN_FILE");
        assertThat(duplicate.sameAsRow()).isEqualTo(2);
        assertThat(duplicate.value()).isEqualTo("1101**********8515");
    }

    @Test
    void rowsRememberedOnResumeStillMakeLaterRowsDuplicates() {
        validation.remember(row(2, "张三", "110101199003078515", "", "", "", "", "", ""));

        assertThat(invalid(row(700, "张三", "110101199003078515", "", "", "", "", "", "")).sameAsRow()).isEqualTo(2);
    }

    private final RosterGenerator people = new RosterGenerator(11);

    private String fresh() {
        return people.person().idNumber();
    }

    private RosterRow valid(RawRow raw) {
        RowValidation.Result result = validation.validate(raw);
        assertThat(result).isInstanceOf(RowValidation.Valid.class);
        return ((RowValidation.Valid) result).row();
    }

    private Rejection invalid(RawRow raw) {
        RowValidation.Result result = validation.validate(raw);
        assertThat(result).isInstanceOf(RowValidation.Invalid.class);
        return ((RowValidation.Invalid) result).rejection();
    }

    private static RawRow row(int number, String... cells) {
        return new RawRow(number, cells);
    }
}
