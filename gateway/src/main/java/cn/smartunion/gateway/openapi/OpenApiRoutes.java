package cn.smartunion.gateway.openapi;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

@Configuration(proxyBeanMethods = false)
class OpenApiRoutes {

    /** Where the merged document is served; each service's own stays at {@code /openapi/<service>} (routes). */
    static final String PATH = "/openapi";

    @Bean
    RouterFunction<ServerResponse> aggregatedOpenApiRoute(AggregatedOpenApi openApi) {
        return RouterFunctions.route(RequestPredicates.GET(PATH), request -> openApi.document()
            .flatMap(json -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(json)));
    }
}
