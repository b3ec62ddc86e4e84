package cn.smartunion.runtime.scope;

import jakarta.servlet.DispatcherType;

import cn.smartunion.runtime.problem.ProblemAutoConfiguration;
import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemResponseWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every servlet service is a stateless OAuth2 resource server whose callers are {@link OrgPrincipal}s.
 *
 * <p>The {@link JwtDecoder} is Boot's, from {@code spring.security.oauth2.resourceserver.jwt.*}: with
 * {@code jwk-set-uri} set, the key set is fetched on the first token and cached (nothing is fetched at startup),
 * {@code issuer-uri} is checked against {@code iss}, and {@code audiences} against {@code aud} (Boot adds both
 * validators to the decoder itself, so they apply to this chain too). The chain backs off when the service defines
 * its own {@link SecurityFilterChain}; it can reuse the entry point, access-denied handler and converter beans.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class, before = { OAuth2ResourceServerAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
public class OrgScopeSecurityAutoConfiguration {

    /** Open without a token: health probes, metrics scraping and the API description. */
    public static final String[] PUBLIC_PATHS = { "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
            "/swagger-ui/**", "/swagger-ui.html" };

    @Bean
    @ConditionalOnMissingBean
    OrgJwtAuthenticationConverter orgJwtAuthenticationConverter() {
        return new OrgJwtAuthenticationConverter();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAuthenticationEntryPoint problemAuthenticationEntryPoint(ProblemFactory problems,
            ProblemResponseWriter writer) {
        return new ProblemAuthenticationEntryPoint(problems, writer);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemAccessDeniedHandler problemAccessDeniedHandler(ProblemFactory problems, ProblemResponseWriter writer) {
        return new ProblemAccessDeniedHandler(problems, writer);
    }

    @Bean
    @ConditionalOnDefaultWebSecurity
    SecurityFilterChain orgScopedSecurityFilterChain(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder,
            OrgJwtAuthenticationConverter converter, ProblemAuthenticationEntryPoint entryPoint,
            ProblemAccessDeniedHandler accessDeniedHandler) throws Exception {
        if (jwtDecoder.getIfAvailable() == null) {
            throw new IllegalStateException("No JwtDecoder: set spring.security.oauth2.resourceserver.jwt.jwk-set-uri "
                    + "(and issuer-uri, audiences) to the realm's endpoints");
        }
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(requests -> requests
                // the container's error page answers with the original status (see ProblemErrorController)
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers(PUBLIC_PATHS).permitAll()
                .anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDeniedHandler))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(entryPoint)
                .accessDeniedHandler(accessDeniedHandler));
        return http.build();
    }
}
