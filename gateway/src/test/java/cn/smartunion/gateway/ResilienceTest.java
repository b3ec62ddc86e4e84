package cn.smartunion.gateway;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ResilienceTest extends GatewayTestBase {

    @Autowired
    BulkheadRegistry bulkheads;

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
    void sizesEachRoutesBulkheadAsConfigured() {
        assertThat(bulkheads.bulkhead("membership").getBulkheadConfig().getMaxConcurrentCalls()).as("the default").isEqualTo(400);
        assertThat(bulkheads.bulkhead("competition").getBulkheadConfig().getMaxConcurrentCalls())
            .isEqualTo(COMPETITION_MAX_CONCURRENT_CALLS);
    }

    @Test
    void answersCallsBeyondTheRoutesBulkheadWith503AtOnceWithoutCountingThemAgainstTheService() throws Exception {
        WebClient caller = WebClient.create("http://127.0.0.1:" + port);
        List<CompletableFuture<Integer>> held = IntStream.range(0, COMPETITION_MAX_CONCURRENT_CALLS)
            .mapToObj(i -> caller.get().uri("/api/competition/v1/results/slow")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .toFuture())
            .toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> COMPETITION.received().size() == COMPETITION_MAX_CONCURRENT_CALLS);

        // more than the breaker's minimum number of calls, all turned away by the full bulkhead
        for (int i = 0; i < BREAKER_MINIMUM_CALLS + 1; i++) {
            expectProblem(client.get().uri("/api/competition/v1/results")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1"), 503, "upstream-unavailable")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("in progress"));
        }
        assertThat(COMPETITION.received()).hasSize(COMPETITION_MAX_CONCURRENT_CALLS);
        // a saturated gateway is not a sick service
        CircuitBreaker breaker = breakers.circuitBreaker("competition");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isZero();

        COMPETITION.reset();
        for (CompletableFuture<Integer> call : held) {
            assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo(200);
        }
        client.get().uri("/api/competition/v1/results")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk();
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
