package cn.smartunion.gateway.resilience;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class FallbackRoutes {

    @Bean
    RouterFunction<ServerResponse> upstreamFallbackRoute(UpstreamFallbackHandler handler) {
        // any method: the breaker forwards the original request, POSTs included
        return RouterFunctions.route(RequestPredicates.path(UpstreamFallbackHandler.PATH), handler);
    }
}
