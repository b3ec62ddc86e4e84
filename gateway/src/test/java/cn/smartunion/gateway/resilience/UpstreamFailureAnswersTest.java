package cn.smartunion.gateway.resilience;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemProperties;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.TimeoutException;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule both the breaker's fallback and the error handler answer by. */
class UpstreamFailureAnswersTest {

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);
    private static final Duration BREAKER_OPEN_WAIT = Duration.ofSeconds(42);

    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom().waitDurationInOpenState(BREAKER_OPEN_WAIT).build());
    private final UpstreamFailureAnswers answers = new UpstreamFailureAnswers(
            new ProblemResponses(new StaticMessageSource(), JsonMapper.builder().build(), new ProblemProperties(DEFAULT_RETRY_AFTER)),
            breakers);
    private final MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/aid/v1/cases"));

    @Test
    void aServiceThatCannotBeReachedIs503WithTheDefaultRetryAfter() {
        UpstreamFailureAnswers.Answer answer = answers.answer(exchange, new ConnectException("Connection refused"));

        assertThat(answer.kind()).isEqualTo(ProblemKind.UPSTREAM_UNAVAILABLE);
        assertThat(retryAfterHeader(answer)).isEqualTo("5");
    }

    @Test
    void aServiceThatDidNotAnswerInTimeIs504WithoutRetryAfter() {
        ResponseStatusException routeTimeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer",
                new TimeoutException("Response took longer than timeout"));

        UpstreamFailureAnswers.Answer answer = answers.answer(exchange, routeTimeout);

        assertThat(answer.kind()).isEqualTo(ProblemKind.UPSTREAM_TIMEOUT);
        assertThat(retryAfterHeader(answer)).isNull();
    }

    @Test
    void anOpenBreakerAnnouncesItsOwnWait() {
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id("aid").uri(URI.create("http://aid")).predicate(ignored -> true).build());
        CircuitBreaker breaker = breakers.circuitBreaker("aid");
        breaker.transitionToOpenState();

        UpstreamFailureAnswers.Answer answer = answers.answer(exchange,
                CallNotPermittedException.createCallNotPermittedException(breaker));

        assertThat(answer.kind()).isEqualTo(ProblemKind.UPSTREAM_UNAVAILABLE);
        assertThat(retryAfterHeader(answer)).isEqualTo("42");
    }

    @Test
    void aFullBulkheadIs503BusyWithAShortRetryAfter() {
        UpstreamFailureAnswers.Answer answer = answers.answer(exchange,
                BulkheadFullException.createBulkheadFullException(Bulkhead.ofDefaults("aid")));

        assertThat(answer.kind()).isEqualTo(ProblemKind.UPSTREAM_BUSY);
        assertThat(answer.kind().type()).isEqualTo(ProblemKind.UPSTREAM_UNAVAILABLE.type());
        assertThat(retryAfterHeader(answer)).isEqualTo("1");
    }

    private static String retryAfterHeader(UpstreamFailureAnswers.Answer answer) {
        HttpHeaders headers = new HttpHeaders();
        answer.headers().accept(headers);
        return headers.getFirst(HttpHeaders.RETRY_AFTER);
    }
}
