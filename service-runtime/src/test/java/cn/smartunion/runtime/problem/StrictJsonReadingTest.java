package cn.smartunion.runtime.problem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Jackson 3 ignores unknown properties by default; the runtime turns that off for Boot's mapper. */
class StrictJsonReadingTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class));

    @Test
    void jackson3DefaultIgnoresUnknownProperties() {
        assertThat(JsonMapper.builder().build().isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .isFalse();
    }

    @Test
    void bootsMapperRejectsUnknownProperties() {
        runner.run(context -> assertThat(
                context.getBean(JsonMapper.class).isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
            .isTrue());
    }

    @Test
    void aServiceCanStillOptOutWithTheStandardProperty() {
        runner.withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=false")
            .run(context -> assertThat(
                    context.getBean(JsonMapper.class).isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES))
                .isFalse());
    }
}
