package cn.smartunion.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class ResilienceTest extends GatewayTestBase {

    @Test
    void answersAnUnreachableServiceWith503ProblemAndRetryAfter() {
        expectProblem(client.get().uri("/api/aid/v1/cases")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5"), 503, "upstream-unavailable");
    }

    @Test
    void answersASlowServiceWith504ProblemAndDoesNotRetryIt() {
        long started = System.nanoTime();

        expectProblem(client.get().uri("/api/rights/v1/reports/slow")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange(), 504, "upstream-timeout");

        // the route's own timeout fired, not the 10 s default (the bound is which timeout, not how fast: a busy machine
        // may take seconds beyond the 500 ms)
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).isGreaterThanOrEqualTo(RIGHTS_RESPONSE_TIMEOUT_MS).isLessThan(10_000);
        assertThat(RIGHTS.received()).hasSize(1);
    }

    @Test
    void retriesAGetTheServiceCouldNotServe() {
        expectProblem(client.get().uri("/api/competition/v1/results/unavailable")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectHeader().exists(HttpHeaders.RETRY_AFTER), 503, "upstream-unavailable");

        assertThat(COMPETITION.received()).hasSize(3);
    }

    @Test
    void neverRetriesAPost() {
        expectProblem(client.post().uri("/api/competition/v1/registrations/unavailable")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"competitionId\":\"c-1\"}")
            .exchange(), 503, "upstream-unavailable");

        assertThat(COMPETITION.received()).hasSize(1);
    }

    @Test
    void passesAServiceErrorThroughWithoutRetrying() {
        client.get().uri("/api/competition/v1/results/boom")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isEqualTo(500)
            .expectBody().jsonPath("$.type").isEqualTo("stub:boom");

        assertThat(COMPETITION.received()).hasSize(1);
    }

    @Test
    void opensTheBreakerAfterRepeatedFailuresAndStopsCallingTheService() {
        CircuitBreaker breaker = breakers.circuitBreaker("competition");
        assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(BREAKER_MINIMUM_CALLS);

        for (int i = 0; i < BREAKER_MINIMUM_CALLS; i++) {
            expectProblem(client.post().uri("/api/competition/v1/registrations/unavailable")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchange(), 503, "upstream-unavailable");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // the open breaker answers by itself and tells the caller when it will let a call through again
        expectProblem(client.post().uri("/api/competition/v1/registrations/unavailable")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30"), 503, "upstream-unavailable");
        assertThat(COMPETITION.received()).hasSize(BREAKER_MINIMUM_CALLS);

        // breakers are per route: membership is unaffected
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk();
    }
}
