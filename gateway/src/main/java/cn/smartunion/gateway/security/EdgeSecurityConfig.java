package cn.smartunion.gateway.security;

import cn.smartunion.gateway.problem.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The gateway checks who is calling, not what they may do: every {@code /api/**} request needs a valid access token,
 * which is then relayed unchanged so each service can apply org scope and roles itself. The same chain answers CORS
 * and writes the security headers of every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurityConfig {

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            ProblemAuthenticationEntryPoint entryPoint, ProblemAccessDeniedHandler accessDenied, CorsProperties cors,
            SecurityHeadersProperties securityHeaders, ProblemResponses problems) {
        return http
            // bearer tokens only, no cookies, no sessions: nothing for CSRF to ride on
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            // ahead of authentication (SecurityWebFiltersOrder.CORS), so preflights need no token
            .cors(ServerHttpSecurity.CorsSpec::disable)
            .addFilterAt(new EdgeCorsWebFilter(cors.toConfiguration(), problems), SecurityWebFiltersOrder.CORS)
            // written just before each response is committed, so they cover downstream answers and the edge's own
            // errors alike; Cache-Control no-store and X-Content-Type-Options nosniff are Spring Security's defaults
            .headers(headers -> headers
                .hsts(hsts -> hsts.maxAge(securityHeaders.hstsMaxAge()).includeSubdomains(securityHeaders.hstsIncludeSubdomains()))
                .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
                .writer(new ContentSecurityPolicyWriter(securityHeaders)))
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/api/**").authenticated()
                .pathMatchers("/livez", "/readyz").permitAll()
                // actuator lives on the management port, which is not published; there the probes and the scrape
                // need no token, and anything else exposed by configuration stays closed
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
                .pathMatchers("/actuator", "/actuator/**").denyAll()
                // the rest is public by nature (OpenAPI documents, Swagger UI) or answered 404 by the gateway;
                // only /api/** and /openapi/* are routed, and a test keeps it that way
                .anyExchange().permitAll())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder))
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .exceptionHandling(handling -> handling
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDenied))
            .build();
    }
}
