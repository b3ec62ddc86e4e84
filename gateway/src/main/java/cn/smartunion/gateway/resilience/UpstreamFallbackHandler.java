package cn.smartunion.gateway.resilience;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;
import cn.smartunion.gateway.requestid.RequestIdWebFilter;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/** Where a route's circuit breaker forwards a failed call; {@link UpstreamFailureAnswers} decides the answer. */
@Component
public class UpstreamFallbackHandler implements HandlerFunction<ServerResponse> {

    /** The path the CircuitBreaker filter forwards to (see {@code default-filters} in application.yml). */
    public static final String PATH = "/gateway-fallback";

    private static final Logger log = LoggerFactory.getLogger(UpstreamFallbackHandler.class);

    private final ProblemResponses problems;
    private final UpstreamFailureAnswers answers;

    public UpstreamFallbackHandler(ProblemResponses problems, UpstreamFailureAnswers answers) {
        this.problems = problems;
        this.answers = answers;
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Throwable failure = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (failure == null) {
            // called directly rather than forwarded by a breaker: there is nothing here
            return problems.render(problems.problem(exchange, ProblemKind.NOT_FOUND), ProblemResponses.noExtraHeaders());
        }
        UpstreamFailureAnswers.Answer answer = answers.answer(exchange, failure);
        log.warn("Route {} answered with fallback {} for request {}: {}", UpstreamFailureAnswers.routeId(exchange),
                answer.kind().status().value(), RequestIdWebFilter.requestId(exchange), UpstreamFailures.describe(failure));
        return problems.render(problems.problem(exchange, answer.kind()), answer.headers());
    }
}
