package cn.smartunion.gateway.problem;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.requestid.RequestIdWebFilter;
import cn.smartunion.gateway.resilience.UpstreamFailures;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Replaces Boot's JSON error page: whatever escapes the handlers (unknown path, wrong method, a failed downstream
 * call on a route without a fallback, an internal fault) is answered as problem details, never a stack trace.
 */
@Component
@Order(-2)
public class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemErrorWebExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        // whatever a failed attempt left (a downstream's Content-Length, say) does not describe this body
        exchange.getResponse().getHeaders().clear();

        if (error instanceof AuthenticationServiceException) {
            log.warn("Cannot check access tokens for request {}: {}", requestId(exchange), UpstreamFailures.describe(error));
            return write(exchange, ProblemKind.AUTHENTICATION_UNAVAILABLE,
                    ProblemResponses.retryAfter(problems.defaultRetryAfter()));
        }
        if (error instanceof ResponseStatusException statusError) {
            return writeStatus(exchange, statusError);
        }
        if (UpstreamFailures.isUpstreamFailure(error)) {
            ProblemKind kind = UpstreamFailures.classify(error);
            log.warn("Downstream call failed for request {}: {}", requestId(exchange), UpstreamFailures.describe(error));
            return write(exchange, kind, kind == ProblemKind.UPSTREAM_UNAVAILABLE
                    ? ProblemResponses.retryAfter(problems.defaultRetryAfter()) : ProblemResponses.noExtraHeaders());
        }
        log.error("Unexpected failure handling request {}", requestId(exchange), error);
        return write(exchange, ProblemKind.INTERNAL_ERROR, ProblemResponses.noExtraHeaders());
    }

    private Mono<Void> writeStatus(ServerWebExchange exchange, ResponseStatusException error) {
        int status = error.getStatusCode().value();
        if (status == HttpStatus.NOT_FOUND.value()) {
            return write(exchange, ProblemKind.NOT_FOUND, ProblemResponses.noExtraHeaders());
        }
        if (status == HttpStatus.GATEWAY_TIMEOUT.value()) {
            log.warn("Downstream call timed out for request {}: {}", requestId(exchange), UpstreamFailures.describe(error));
            return write(exchange, ProblemKind.UPSTREAM_TIMEOUT, ProblemResponses.noExtraHeaders());
        }
        if (status >= 500) {
            log.error("Request {} failed with {}", requestId(exchange), status, error);
        }
        // e.g. Allow on a 405
        HttpHeaders fromError = error.getHeaders();
        return problems.write(exchange, problems.problem(exchange, error.getStatusCode()), headers -> headers.addAll(fromError));
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemKind kind, Consumer<HttpHeaders> extraHeaders) {
        return problems.write(exchange, problems.problem(exchange, kind), extraHeaders);
    }

    private static String requestId(ServerWebExchange exchange) {
        return RequestIdWebFilter.requestId(exchange);
    }
}
