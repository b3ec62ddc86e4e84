package cn.smartunion.gateway.keepalive;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers the gateway gives itself, without calling a service (401, 429, 404, a full bulkhead, an open breaker...),
 * close their connection; routed answers keep it open.
 * <p>
 * Works around reactor/reactor-netty#4361 in reactor-netty 1.3.6: when such a request arrives on a kept-alive
 * connection before the previous, routed request on it has been wrapped up (a client, or the load balancer, sends its
 * next request as soon as it has read an answer), the connection is never read again. The request after it gets no
 * answer and nothing is logged; a load balancer times out on it and answers some unrelated caller 504. Remove this
 * once Spring Boot manages reactor-netty 1.3.8 or later (KeepAliveTest keeps guarding the behaviour).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CloseAfterOwnAnswersWebFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = exchange.getResponse();
        response.beforeCommit(() -> {
            if (!ServerWebExchangeUtils.isAlreadyRouted(exchange)) {
                response.getHeaders().set(HttpHeaders.CONNECTION, "close");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
