package cn.smartunion.gateway.resilience;

import java.time.Duration;
import java.util.function.Consumer;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The one rule for answering a downstream call that failed, whether the route's breaker forwarded it to the fallback
 * or it escaped to the error handler: 504 when the service did not answer in time (no {@code Retry-After}: the
 * service may still be working on it), 503 with {@code Retry-After} otherwise. A full bulkhead asks for a retry in a
 * second (calls in flight end within the route's response timeout, most much sooner); an open breaker announces its
 * own wait before the next trial call; anything else gets the configured default.
 */
@Component
public class UpstreamFailureAnswers {

    static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

    private final ProblemResponses problems;
    private final CircuitBreakerRegistry breakers;

    public UpstreamFailureAnswers(ProblemResponses problems, CircuitBreakerRegistry breakers) {
        this.problems = problems;
        this.breakers = breakers;
    }

    public Answer answer(ServerWebExchange exchange, Throwable failure) {
        ProblemKind kind = UpstreamFailures.classify(failure);
        return switch (kind) {
            case UPSTREAM_TIMEOUT -> new Answer(kind, null);
            case UPSTREAM_BUSY -> new Answer(kind, BUSY_RETRY_AFTER);
            default -> new Answer(kind, retryAfter(routeId(exchange), failure));
        };
    }

    /** The id of the route the exchange was sent along, {@code "unknown"} before routing. */
    public static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null ? route.getId() : "unknown";
    }

    private Duration retryAfter(String routeId, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CallNotPermittedException) {
                // the breaker is open: it lets a trial call through after its configured wait
                return breakers.find(routeId)
                    .map(breaker -> Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
                    .orElseGet(problems::defaultRetryAfter);
            }
        }
        return problems.defaultRetryAfter();
    }

    /**
     * @param kind a 503 or 504 kind
     * @param retryAfter sent as {@code Retry-After}; {@code null} for none
     */
    public record Answer(ProblemKind kind, Duration retryAfter) {

        public Consumer<HttpHeaders> headers() {
            return retryAfter == null ? ProblemResponses.noExtraHeaders() : ProblemResponses.retryAfter(retryAfter);
        }
    }
}
