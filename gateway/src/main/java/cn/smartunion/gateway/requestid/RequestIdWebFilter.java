package cn.smartunion.gateway.requestid;

import java.util.UUID;

import reactor.core.publisher.Mono;

import cn.smartunion.contracts.RequestIdHeader;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives every request an {@code X-Request-Id}: the caller's if {@link RequestIdHeader} accepts it, a new UUID otherwise. The id is
 * passed downstream and echoed in the response. Runs before security so that rejected requests carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdWebFilter implements WebFilter {

    public static final String HEADER = RequestIdHeader.NAME;

    private static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = acceptOrGenerate(exchange.getRequest().getHeaders().getFirst(HEADER));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, requestId);
        // set at commit time, so a downstream service echoing the header cannot make it appear twice
        withId.getResponse().beforeCommit(() -> {
            withId.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(withId);
    }

    /** The id of the request being handled, or {@code null} outside this filter. */
    public static String requestId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    static String acceptOrGenerate(String offered) {
        return RequestIdHeader.isAcceptable(offered) ? offered : UUID.randomUUID().toString();
    }
}
