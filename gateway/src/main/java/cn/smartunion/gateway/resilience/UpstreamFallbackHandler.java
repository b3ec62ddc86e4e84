package cn.smartunion.gateway.resilience;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.Problem;
import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;
import cn.smartunion.gateway.requestid.RequestIdWebFilter;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards a failed call: answers 504 for a timeout and 503 with
 * {@code Retry-After} for everything else, as problem details.
 */
@Component
public class UpstreamFallbackHandler implements HandlerFunction<ServerResponse> {

    /** The path the CircuitBreaker filter forwards to (see {@code default-filters} in application.yml). */
    public static final String PATH = "/gateway-fallback";

    private static final Logger log = LoggerFactory.getLogger(UpstreamFallbackHandler.class);

    private final ProblemResponses problems;
    private final CircuitBreakerRegistry breakers;

    public UpstreamFallbackHandler(ProblemResponses problems, CircuitBreakerRegistry breakers) {
        this.problems = problems;
        this.breakers = breakers;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // called directly rather than forwarded by a breaker: there is nothing here
            return problems.render(problems.problem(exchange, ProblemKind.NOT_FOUND), ProblemResponses.noExtraHeaders());
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : "unknown";
        ProblemKind kind = UpstreamFailures.classify(failure);
        log.warn("Route {} answered with fallback {} for request {}: {}", routeId, kind.status().value(),
                RequestIdWebFilter.requestId(exchange), UpstreamFailures.describe(failure));

        Problem problem = problems.problem(exchange, kind);
        if (kind == ProblemKind.UPSTREAM_TIMEOUT) {
            return problems.render(problem, ProblemResponses.noExtraHeaders());
        }
        return problems.render(problem, ProblemResponses.retryAfter(retryAfter(routeId, failure)));
    }

    private Duration retryAfter(String routeId, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            // the breaker is open: it will let a trial call through after its configured wait
            return breakers.find(routeId)
                .map(breaker -> Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1)))
                .orElseGet(problems::defaultRetryAfter);
        }
        return problems.defaultRetryAfter();
    }
}
