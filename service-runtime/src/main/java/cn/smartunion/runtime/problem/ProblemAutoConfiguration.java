package cn.smartunion.runtime.problem;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem+json for every error a servlet service answers: controller exceptions, the container's error
 * page, oversized bodies; plus the request id, the zh-CN/en response language and strict JSON reading they rely on.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = { WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(JsonMapper.class)
@EnableConfigurationProperties(HttpLimitsProperties.class)
public class ProblemAutoConfiguration {

    /** Runs before Spring Security's filter chain (order -100), so even 401s carry the request id. */
    static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 5;

    static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new ChineseOrEnglishLocaleResolver();
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemFactory problemFactory(@Qualifier(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME) LocaleResolver locales) {
        return new ProblemFactory(locales);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemExceptionHandler problemExceptionHandler(ProblemFactory problems) {
        return new ProblemExceptionHandler(problems);
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController problemErrorController(ProblemFactory problems) {
        return new ProblemErrorController(problems);
    }

    @Bean
    RejectUnknownJsonProperties rejectUnknownJsonProperties() {
        return new RejectUnknownJsonProperties();
    }

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(HttpLimitsProperties limits,
            ProblemFactory problems, ProblemResponseWriter writer) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.maxRequestBody().toBytes(), problems, writer));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }

    /**
     * The host's error report valve answers problem+json too ({@link ProblemErrorReportValve}). Ordered last, so its
     * context customizer runs after Boot's, which installs a plain {@link ErrorReportValve}, and replaces it.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({ ConfigurableTomcatWebServerFactory.class, ErrorReportValve.class })
    static class TomcatErrorReport {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve(ProblemFactory problems,
                JsonMapper jsonMapper) {
            return new ProblemErrorReportCustomizer(problems, jsonMapper);
        }
    }

    static final class ProblemErrorReportCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final ProblemFactory problems;

        private final JsonMapper jsonMapper;

        ProblemErrorReportCustomizer(ProblemFactory problems, JsonMapper jsonMapper) {
            this.problems = problems;
            this.jsonMapper = jsonMapper;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemErrorReportValve(problems, jsonMapper));
                // the host adds a valve of this class at start unless it finds one of exactly this class name
                if (context.getParent() instanceof StandardHost standardHost) {
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
