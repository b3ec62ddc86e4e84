package cn.smartunion.gateway.problem;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import cn.smartunion.gateway.requestid.RequestIdWebFilter;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds problem details in the caller's language and writes them as {@code application/problem+json}. Every
 * error the gateway answers itself goes through here, so all of them look the same.
 */
@Component
public class ProblemResponses {

    private final MessageSource messages;
    private final JsonMapper jsonMapper;
    private final ProblemProperties properties;

    public ProblemResponses(MessageSource messages, JsonMapper jsonMapper, ProblemProperties properties) {
        this.messages = messages;
        this.jsonMapper = jsonMapper;
        this.properties = properties;
    }

    public Problem problem(ServerWebExchange exchange, ProblemKind kind) {
        Locale locale = locale(exchange);
        return new Problem(kind.type(), messages.getMessage(kind.titleKey(), null, locale), kind.status().value(),
                messages.getMessage(kind.detailKey(), null, locale), RequestIdWebFilter.requestId(exchange));
    }

    /** A problem that says no more than its status code, for the statuses the gateway has no kind of its own for. */
    public Problem problem(ServerWebExchange exchange, HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String reason = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        String title = messages.getMessage("problem.status." + status.value() + ".title", null, reason, locale(exchange));
        return new Problem(Problem.BLANK_TYPE, title, status.value(), null, RequestIdWebFilter.requestId(exchange));
    }

    /** Retry-After for a 503 when nothing better is known. */
    public Duration defaultRetryAfter() {
        return properties.retryAfter();
    }

    public Mono<Void> write(ServerWebExchange exchange, Problem problem, Consumer<HttpHeaders> extraHeaders) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        extraHeaders.accept(headers);
        byte[] body = jsonMapper.writeValueAsBytes(problem);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    public Mono<ServerResponse> render(Problem problem, Consumer<HttpHeaders> extraHeaders) {
        return ServerResponse.status(problem.status())
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .headers(extraHeaders)
            .bodyValue(jsonMapper.writeValueAsBytes(problem));
    }

    public static Consumer<HttpHeaders> retryAfter(Duration delay) {
        long seconds = Math.max(1, (delay.toMillis() + 999) / 1000);
        return headers -> headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    public static Consumer<HttpHeaders> noExtraHeaders() {
        return headers -> {
        };
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return locale != null ? locale : Locale.ENGLISH;
    }
}
