package cn.smartunion.gateway.ratelimit;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import cn.smartunion.gateway.problem.ProblemProperties;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A partner allowed one request in flight: each request gets through only if the one before gave its slot back. */
class RateLimitWebFilterTest {

    private final RateLimiter limiter = new RateLimiter(new RateLimitProperties(true, new RateLimitProperties.UserLimit(60, 5, 1000),
            Map.of("portal", new RateLimitProperties.PartnerQuota(600, null, 100_000, 1)), List.of("azp"), ZoneId.of("Asia/Shanghai")));
    private final RateLimitWebFilter filter = new RateLimitWebFilter(limiter,
            new ProblemResponses(problemMessages(), JsonMapper.builder().build(), new ProblemProperties(Duration.ofSeconds(5))),
            new SimpleMeterRegistry());
    private final AtomicInteger passed = new AtomicInteger();

    @Test
    void givesThePartnersSlotBackWhenItsRequestIsAnswered() {
        filter.filter(partnerRequest(), counting(Mono.empty())).block();

        filter.filter(partnerRequest(), counting(Mono.empty())).block();
        assertThat(passed).hasValue(2);
    }

    @Test
    void givesThePartnersSlotBackWhenItsRequestFails() {
        assertThatThrownBy(() -> filter.filter(partnerRequest(), counting(Mono.error(new IllegalStateException("downstream")))).block())
            .hasMessage("downstream");

        filter.filter(partnerRequest(), counting(Mono.empty())).block();
        assertThat(passed).hasValue(2);
    }

    @Test
    void givesThePartnersSlotBackWhenTheCallerGoesAway() {
        Disposable inFlight = filter.filter(partnerRequest(), counting(Mono.never())).subscribe();
        MockServerWebExchange refused = partnerRequest();
        filter.filter(refused, counting(Mono.empty())).block();
        assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponse().getBodyAsString().block())
            .contains("\"type\":\"urn:smartunion:problem:rate-limited\"", "Too many concurrent requests");

        inFlight.dispose();

        filter.filter(partnerRequest(), counting(Mono.empty())).block();
        assertThat(passed).hasValue(2);
    }

    private WebFilterChain counting(Mono<Void> outcome) {
        return exchange -> {
            passed.incrementAndGet();
            return outcome;
        };
    }

    private static MessageSource problemMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static MockServerWebExchange partnerRequest() {
        Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").subject("service-account-portal").claim("azp", "portal").build();
        return MockServerWebExchange.builder(MockServerHttpRequest.post("/api/membership/v1/verifications"))
            .principal(new JwtAuthenticationToken(token))
            .build();
    }
}
