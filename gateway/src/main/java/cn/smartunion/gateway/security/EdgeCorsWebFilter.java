package cn.smartunion.gateway.security;

import reactor.core.publisher.Mono;

import cn.smartunion.gateway.problem.ProblemKind;
import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for every path, inside the security chain ahead of authentication: a preflight is answered here, without a
 * token, and never reaches a service. A cross-origin request from an origin (or with a method or headers) that is not
 * allowed is refused 403 with problem details rather than Spring's empty 403. The headers are set before routing, so
 * they accompany whatever answers the request: the service, a 401, a 429 or a fallback 503.
 */
final class EdgeCorsWebFilter implements WebFilter {

    private final CorsConfiguration configuration;
    private final ProblemResponses problems;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // answered below, as problem details
        }
    };

    EdgeCorsWebFilter(CorsConfiguration configuration, ProblemResponses problems) {
        this.configuration = configuration;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        // also for same-origin requests: it adds Vary: Origin, so no cache hands one origin's answer to another
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, problems.problem(exchange, ProblemKind.ORIGIN_NOT_ALLOWED), ProblemResponses.noExtraHeaders());
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return Mono.empty();
        }
        return chain.filter(exchange);
    }
}
