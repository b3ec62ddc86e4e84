package cn.smartunion.gateway.ratelimit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitPropertiesTest {

    @Test
    void takesAnotherPartnersQuotaFromTheEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SMARTUNION_GATEWAY_RATELIMITS_USER_PERMINUTE", "300",
                "SMARTUNION_GATEWAY_RATELIMITS_USER_BURST", "60",
                "SMARTUNION_GATEWAY_RATELIMITS_PARTNERS_COURT_PERMINUTE", "120",
                "SMARTUNION_GATEWAY_RATELIMITS_PARTNERS_COURT_PERDAY", "5000",
                "SMARTUNION_GATEWAY_RATELIMITS_PARTNERS_BANK_PERMINUTE", "60",
                "SMARTUNION_GATEWAY_RATELIMITS_PARTNERS_BANK_PERDAY", "1000",
                "SMARTUNION_GATEWAY_RATELIMITS_PARTNERS_BANK_MAXCONCURRENTREQUESTS", "5")));

        RateLimitProperties properties = new Binder(ConfigurationPropertySources.get(environment))
            .bindOrCreate("smart-union.gateway.rate-limits", RateLimitProperties.class);

        assertThat(properties.partners()).containsKey("court");
        assertThat(properties.partners().get("court").perMinute()).isEqualTo(120);
        assertThat(properties.partners().get("court").perDay()).isEqualTo(5000);
        assertThat(properties.partners().get("court").burst()).isEqualTo(120);
        assertThat(properties.partners().get("court").maxConcurrentRequests()).as("by default").isEqualTo(20);
        assertThat(properties.partners().get("bank").maxConcurrentRequests()).isEqualTo(5);
    }
}
