package cn.smartunion.runtime.idempotency;

import cn.smartunion.runtime.problem.ProblemAutoConfiguration;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** On for every servlet service with MongoDB, right behind Spring Security's filter chain; off on request. */
class IdempotencyAutoConfigurationTest {

    // the client connects lazily: nothing here talks to a server
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class,
                IdempotencyAutoConfiguration.class))
        .withBean(MongoTemplate.class, () -> new MongoTemplate(MongoClients.create("mongodb://127.0.0.1:9"), "test"));

    @Test
    void enabledByDefaultBehindTheSecurityFilterChain() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(IdempotencyRecords.class)
                .hasSingleBean(IdempotencyKeyOpenApiCustomizer.class);
            FilterRegistrationBean<?> registration = context.getBean("idempotencyFilter",
                    FilterRegistrationBean.class);
            assertThat(registration.getFilter()).isInstanceOf(IdempotencyFilter.class);
            // Spring Security's chain is registered at -100 (spring.security.filter.order), the body limit far earlier
            assertThat(registration.getOrder()).isEqualTo(-95);
        });
    }

    @Test
    void followsAMovedSecurityFilterChain() {
        runner.withPropertyValues("spring.security.filter.order=10").run(context -> assertThat(
                context.getBean("idempotencyFilter", FilterRegistrationBean.class).getOrder()).isEqualTo(15));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("smartunion.idempotency.enabled=false").run(context ->
                assertThat(context).doesNotHaveBean(IdempotencyRecords.class).doesNotHaveBean("idempotencyFilter"));
    }

    @Test
    void needsMongo() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class,
                    IdempotencyAutoConfiguration.class))
            .run(context -> assertThat(context).doesNotHaveBean("idempotencyFilter"));
    }

    @Test
    void rejectsALeaseLongerThanTheRetention() {
        runner.withPropertyValues("smartunion.idempotency.retention=1m", "smartunion.idempotency.lease=2m")
            .run(context -> assertThat(context).hasFailed());
    }
}
