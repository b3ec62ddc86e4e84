package cn.smartunion.gateway.problem;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.requestid.RequestIdWebFilter;
import cn.smartunion.gateway.resilience.UpstreamFailureAnswers;
import cn.smartunion.gateway.resilience.UpstreamFailures;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
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

    private static final List<String> REPRESENTATION_HEADERS = List.of(HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_ENCODING, HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CONTENT_RANGE,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED);

    private final ProblemResponses problems;
    private final UpstreamFailureAnswers upstreamAnswers;

    public ProblemErrorWebExceptionHandler(ProblemResponses problems, UpstreamFailureAnswers upstreamAnswers) {
        this.problems = problems;
        this.upstreamAnswers = upstreamAnswers;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        discardDownstreamHeaders(exchange);

        if (error instanceof AuthenticationServiceException) {
            log.warn("Cannot check access tokens for request {}: {}", requestId(exchange), UpstreamFailures.describe(error));
            return write(exchange, ProblemKind.AUTHENTICATION_UNAVAILABLE,
                    ProblemResponses.retryAfter(problems.defaultRetryAfter()));
        }
        // a route's response timeout arrives as a 504 ResponseStatusException and is answered like other upstream failures
        if (error instanceof ResponseStatusException statusError
                && statusError.getStatusCode().value() != HttpStatus.GATEWAY_TIMEOUT.value()) {
            return writeStatus(exchange, statusError);
        }
        if (UpstreamFailures.isUpstreamFailure(error)) {
            UpstreamFailureAnswers.Answer answer = upstreamAnswers.answer(exchange, error);
            log.warn("Downstream call failed for request {}: {}", requestId(exchange), UpstreamFailures.describe(error));
            return write(exchange, answer.kind(), answer.headers());
        }
        log.error("Unexpected failure handling request {}", requestId(exchange), error);
        return write(exchange, ProblemKind.INTERNAL_ERROR, ProblemResponses.noExtraHeaders());
    }

    /**
     * What a failed attempt left (a downstream's Content-Length, say) does not describe this body. What the edge set
     * itself stays: CORS and rate-limit headers must reach the caller with the error too.
     */
    private static void discardDownstreamHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        Set<String> fromDownstream = exchange.getAttributeOrDefault(ServerWebExchangeUtils.CLIENT_RESPONSE_HEADER_NAMES, Set.of());
        fromDownstream.forEach(headers::remove);
        REPRESENTATION_HEADERS.forEach(headers::remove);
    }

    private Mono<Void> writeStatus(ServerWebExchange exchange, ResponseStatusException error) {
        int status = error.getStatusCode().value();
        if (status == HttpStatus.NOT_FOUND.value()) {
            return write(exchange, ProblemKind.NOT_FOUND, ProblemResponses.noExtraHeaders());
        }
        if (status == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return write(exchange, ProblemKind.PAYLOAD_TOO_LARGE, ProblemResponses.noExtraHeaders());
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
