package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import cn.smartunion.membership.staff.application.StaffAccountSettings;
import cn.smartunion.membership.staff.application.StaffIdentities;
import cn.smartunion.membership.staff.domain.StaffRoles;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Wires staff account administration: Keycloak's admin API when a client secret is configured, otherwise a stand-in
 * that answers "not configured" (the service still starts; its staff account endpoints answer 503).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({KeycloakAdminProperties.class, StaffAccountSettings.class})
class KeycloakAdminConfiguration {

    static final String CIRCUIT = "keycloak-admin";

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminConfiguration.class);

    @Bean
    StaffRoles staffRoles(StaffAccountSettings settings) {
        return new StaffRoles(settings.assignableRoles());
    }

    @Bean
    StaffIdentities staffIdentities(KeycloakAdminProperties properties,
                                    @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
                                    Clock clock, ObjectProvider<MeterRegistry> meters) {
        var target = properties.target(issuer);
        if (!properties.hasSecret() || target.isEmpty()) {
            log.warn("Staff account administration is off: set KEYCLOAK_ADMIN_CLIENT_SECRET (and KEYCLOAK_ADMIN_URL / "
                    + "KEYCLOAK_REALM unless the token issuer gives them); staff account changes answer 503 until then");
            return new UnconfiguredStaffIdentities();
        }
        String baseUrl = target.get().baseUrl();
        String realm = target.get().realm();

        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(httpClient);
        requests.setReadTimeout(properties.readTimeout());

        ServiceAccountTokens tokens = new ServiceAccountTokens(
                RestClient.builder().baseUrl(baseUrl).requestFactory(requests).build(),
                realm, properties.clientId(), properties.clientSecret(), clock);
        RestClient admin = RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.current());
                    return execution.execute(request, body);
                })
                .build();
        KeycloakAdminApi api = HttpServiceProxyFactory.builderFor(RestClientAdapter.create(admin)).build()
                .createClient(KeycloakAdminApi.class);

        CircuitBreakerRegistry circuits = CircuitBreakerRegistry.of(circuitBreakerConfig(properties.retryAfter()));
        RetryRegistry retries = RetryRegistry.of(readRetryConfig());
        meters.ifAvailable(registry -> {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(registry);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(registry);
        });
        log.info("Staff account administration through Keycloak {} realm {} as client {}", baseUrl, realm,
                properties.clientId());
        return new KeycloakStaffIdentities(api, tokens, realm, circuits.circuitBreaker(CIRCUIT),
                retries.retry(CIRCUIT + "-read"), properties.retryAfter());
    }

    /** Opens after half of the last 10 calls (at least 5) failed; tries again with 2 calls after {@code open}. */
    static CircuitBreakerConfig circuitBreakerConfig(Duration open) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(open)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(KeycloakStaffIdentities.KeycloakUnavailable.class)
                .build();
    }

    /** Reads only: three attempts, 200 ms then 400 ms apart, on Keycloak failures (never on an open circuit). */
    static RetryConfig readRetryConfig() {
        return RetryConfig.custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2))
                .retryExceptions(KeycloakStaffIdentities.KeycloakUnavailable.class)
                .build();
    }
}
