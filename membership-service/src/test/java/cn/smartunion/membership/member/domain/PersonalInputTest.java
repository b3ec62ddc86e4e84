package cn.smartunion.membership.member.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalInputTest {

    @Test
    void mainlandMobileNumbersAreNormalisedAndOthersRefusedWithoutEchoingThem() {
        assertThat(MobilePhone.normaliseOptional("mobilePhone", " 138-1234-5678 ")).isEqualTo("13812345678");
        assertThat(MobilePhone.normaliseOptional("mobilePhone", "+86 13812345678")).isEqualTo("13812345678");
        assertThat(MobilePhone.normaliseOptional("mobilePhone", "008613812345678")).isEqualTo("13812345678");
        assertThat(MobilePhone.normaliseOptional("mobilePhone", " ")).isNull();
        for (String bad : List.of("12812345678", "1381234567", "138123456789", "0719-8888888", "1381234567x")) {
            assertThatThrownBy(() -> MobilePhone.normaliseOptional("mobilePhone", bad))
                    .isInstanceOf(MemberRuleViolation.class)
                    .hasMessageNotContaining(bad)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("mobilePhone");
        }
    }

    @Test
    void legalNamesOfEveryScriptAreAcceptedButNotDigitsOrControlCharacters() {
        assertThat(LegalName.normalise("legalName", " 张三 ")).isEqualTo("张三");
        assertThat(LegalName.normalise("legalName", "阿卜杜拉·买买提")).isEqualTo("阿卜杜拉·买买提");
        assertThat(LegalName.normalise("legalName", "阿卜杜拉 • 买买提")).isEqualTo("阿卜杜拉·买买提");
        assertThat(LegalName.normalise("legalName", "张 三")).isEqualTo("张三");
        assertThat(LegalName.normalise("legalName", "张\u3000小三")).isEqualTo("张小三");
        assertThat(LegalName.normalise("legalName", "Anna  Maria")).isEqualTo("Anna Maria");
        for (String bad : List.of("", "张3", "张\u0000三", "长".repeat(51))) {
            assertThatThrownBy(() -> LegalName.normalise("legalName", bad))
                    .isInstanceOf(MemberRuleViolation.class)
                    .extracting(e -> ((MemberRuleViolation) e).field()).isEqualTo("legalName");
        }
    }

    @Test
    void theTagCatalogueRejectsMalformedOrDuplicateConfiguration() {
        assertThatThrownBy(() -> new GroupTagCatalogue(List.of(new GroupTagCatalogue.GroupTag("courier", "快递员"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupTagCatalogue(List.of(new GroupTagCatalogue.GroupTag("COURIER", "快递员"),
                new GroupTagCatalogue.GroupTag("COURIER", "快递小哥")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GroupTagCatalogue(List.of(new GroupTagCatalogue.GroupTag("COURIER", " "))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnknownTagIsNamedButArbitraryInputIsNotReflected() {
        GroupTagCatalogue catalogue = new GroupTagCatalogue(List.of(new GroupTagCatalogue.GroupTag("COURIER", "快递员")));
        assertThatThrownBy(() -> catalogue.check("groupTags", List.of("<script>"), java.util.Set.of()))
                .hasMessageContaining("'?script?'")
                .hasMessageNotContaining("<script>");
    }
}
