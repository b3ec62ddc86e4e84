package cn.smartunion.runtime.scope;

import cn.smartunion.runtime.problem.ProblemAutoConfiguration;
import cn.smartunion.runtime.testing.TestJwts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class OrgScopeSecurityAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class,
                OrgScopeSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
        .withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/certs");

    @Test
    void providesTheOnlySecurityFilterChain() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys(
                    "orgScopedSecurityFilterChain");
        });
    }

    @Test
    void backsOffWhenTheServiceDefinesItsOwnChain() {
        runner.withUserConfiguration(OwnChain.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("ownChain");
            assertThat(context).hasSingleBean(OrgJwtAuthenticationConverter.class)
                .hasSingleBean(ProblemAuthenticationEntryPoint.class);
        });
    }

    @Test
    void failsClearlyWithoutJwtDecoderConfiguration() {
        new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, ProblemAutoConfiguration.class,
                    OrgScopeSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
                    SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class))
            .run(context -> assertThat(context).getFailure()
                .rootCause()
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
    }

    @Test
    void accessDeniedHandlerAnswersProblemJsonWithBearerChallenge() {
        runner.run(context -> {
            MockHttpServletRequest request = new MockHttpServletRequest("DELETE", "/api/aid/v1/cases/1");
            request.addHeader("Accept-Language", "en");
            request.setUserPrincipal(new OrgJwtAuthenticationConverter().convert(
                    TestJwts.orgUserJwt("420000/420300", "staff")));
            MockHttpServletResponse response = new MockHttpServletResponse();

            context.getBean(ProblemAccessDeniedHandler.class)
                .handle(request, response, new AccessDeniedException("aid-approver required"));

            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("insufficient_scope");
            assertThat(response.getContentAsString()).contains("\"type\":\"urn:smartunion:problem:forbidden\"")
                .contains("\"title\":\"Access denied\"")
                .contains("\"instance\":\"/api/aid/v1/cases/1\"")
                .doesNotContain("aid-approver");
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityFilterChain ownChain(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.anyRequest().denyAll()).build();
        }
    }
}
