package cn.smartunion.runtime.personaldata;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataJacksonModuleTest {

    private final JsonMapper json = JsonMapper.builder().addModule(new PersonalDataJacksonModule()).build();

    record Registration(String name, CitizenIdNumber idNumber, UnifiedSocialCreditCode employer) {
    }

    @Test
    void citizenIdNumberIsWrittenMaskedAndCreditCodeInFull() {
        Registration registration = new Registration("张三", CitizenIdNumber.parse("42032219900106123X"),
                UnifiedSocialCreditCode.parse("914403001922038216"));

        String written = json.writeValueAsString(registration);

        assertThat(written).contains("\"idNumber\":\"4203**********123X\"")
            .contains("\"employer\":\"914403001922038216\"")
            .doesNotContain("42032219900106123X");
    }

    @Test
    void bothAreReadThroughTheirValidatingParse() {
        Registration read = json.readValue(
                "{\"name\":\"张三\",\"idNumber\":\"42032219900106123x\",\"employer\":\"914403001922038216\"}",
                Registration.class);

        assertThat(read.idNumber().value()).isEqualTo("42032219900106123X");
        assertThat(read.employer().regionCode()).isEqualTo("440300");
    }

    @Test
    void invalidNumberFailsWithTheReasonAndTheFieldButNotTheNumber() {
        assertThatThrownBy(() -> json.readValue("{\"idNumber\":\"420322199001061231\"}", Registration.class))
            .isInstanceOf(DatabindException.class)
            .hasRootCauseInstanceOf(InvalidCitizenIdNumberException.class)
            .hasMessageContaining("idNumber")
            .hasMessageNotContaining("420322199001061231");
    }
}
