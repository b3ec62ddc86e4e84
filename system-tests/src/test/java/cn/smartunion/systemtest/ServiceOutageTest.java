package cn.smartunion.systemtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One service goes down: its routes answer 503 problem+json with a retry hint, quickly (well within the gateway's
 * response timeout), while the other services keep answering; the breaker opens; when the service is back the
 * breaker lets trial calls through and closes again.
 */
class ServiceOutageTest {

    private static final Deployable DOWN = Deployable.AID;

    private static Suite suite;
    private static String token;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        token = suite.userToken("city.admin");
    }

    @Test
    void aStoppedServiceAnswers503WhileTheOthersAnswer200AndItsBreakerClosesWhenItIsBack() {
        assertThat(get(DOWN).status()).isEqualTo(200);
        assertThat(breakerState(DOWN)).isEqualTo("closed");

        suite.stop(DOWN);
        try {
            List<Http.Answer> during = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                during.add(get(DOWN));
                for (Deployable other : Deployable.services()) {
                    if (other != DOWN) {
                        Http.Answer answer = get(other);
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    }
                }
            }
            for (Http.Answer answer : during) {
                assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
                assertThat(answer.isProblem()).as(answer.toString()).isTrue();
                assertThat(answer.header("retry-after")).as(answer.toString()).isPresent();
                assertThat(answer.took()).as(answer.toString()).isLessThan(Suite.DOWNSTREAM_RESPONSE_TIMEOUT);
                assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
            }
            assertThat(breakerState(DOWN)).isEqualTo("open");
            Http.Answer whileOpen = get(DOWN);
            assertThat(whileOpen.header("retry-after")).as(whileOpen.toString())
                    .hasValue(Long.toString(Suite.BREAKER_OPEN_DURATION.toSeconds()));
        }
        finally {
            suite.start(DOWN);
        }

        await().atMost(Suite.BREAKER_OPEN_DURATION.multipliedBy(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(DOWN).status() == 200);
        for (int i = 0; i < 5; i++) {
            Http.Answer answer = get(DOWN);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        }
        assertThat(breakerState(DOWN)).isEqualTo("closed");
    }

    private static Http.Answer get(Deployable service) {
        return Http.get(suite.gatewayUrl() + service.databaseBackedGet(), token);
    }

    /** The route's breaker state as the gateway's Prometheus endpoint (management port) reports it. */
    private static String breakerState(Deployable service) {
        Http.Answer metrics = Http.get(suite.gatewayManagementUrl() + "/actuator/prometheus", null,
                java.util.Map.of("Accept", "text/plain"));
        String route = service.database();
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("resilience4j_circuitbreaker_state{") && line.contains("name=\"" + route + "\"")
                    && line.endsWith(" 1.0")) {
                return line.replaceAll(".*state=\"([a-z_]+)\".*", "$1");
            }
        }
        throw new IllegalStateException("no breaker state for route " + route + " in the gateway's metrics");
    }
}
