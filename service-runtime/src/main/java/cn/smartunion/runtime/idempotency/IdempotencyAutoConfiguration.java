package cn.smartunion.runtime.idempotency;

import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.servlet.DispatcherType;

import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.problem.ProblemAutoConfiguration;
import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemResponseWriter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * {@code Idempotency-Key} for every write of a servlet service ({@link IdempotencyFilter}), on by default
 * ({@code smartunion.idempotency.enabled=false} turns it off), stored in the service's MongoDB; plus its OpenAPI
 * description when springdoc is present.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ MongoTemplate.class, SecurityContextHolder.class })
@ConditionalOnBooleanProperty(name = "smartunion.idempotency.enabled", matchIfMissing = true)
@ConditionalOnBean({ MongoTemplate.class, ProblemFactory.class, ProblemResponseWriter.class })
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    /** Right behind Spring Security's chain: the caller is known, and the body limit (earlier still) applies. */
    static final int ORDER_AFTER_SECURITY = 5;

    @Bean
    @ConditionalOnMissingBean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongo, IdempotencyProperties properties,
            ObjectProvider<Clock> clock) {
        return new IdempotencyRecords(mongo, clock.getIfAvailable(Clock::systemUTC), properties.retention(),
                properties.lease());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records,
            IdempotencyProperties properties, ProblemFactory problems, ProblemResponseWriter writer,
            ObjectProvider<PersonalDataProtector> protector, ObjectProvider<MeterRegistry> meters,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath,
            @Value("${spring.security.filter.order:" + SecurityFilterProperties.DEFAULT_FILTER_ORDER + "}")
            int securityFilterOrder) {
        IdempotencyFilter filter = new IdempotencyFilter(records, properties, exemptPaths(actuatorPath, properties),
                fingerprintSeal(protector.getIfAvailable()), problems, writer,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(securityFilterOrder + ORDER_AFTER_SECURITY);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

    /**
     * Fingerprints go through the service's keyed blind-index HMAC: a plain SHA-256 of a small body (one ID number
     * and a few fields) could be matched against guessed bodies by whoever reads the collection.
     */
    private static UnaryOperator<String> fingerprintSeal(PersonalDataProtector protector) {
        if (protector == null) {
            log.warn("No PersonalDataProtector: Idempotency-Key fingerprints are stored as unkeyed SHA-256");
            return UnaryOperator.identity();
        }
        return fingerprint -> protector.blindIndex("idempotency-fingerprint:" + fingerprint);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(GlobalOpenApiCustomizer.class)
    static class OpenApiDocumentation {

        @Bean
        IdempotencyKeyOpenApiCustomizer idempotencyKeyOpenApiCustomizer(IdempotencyProperties properties,
                @Value("${management.endpoints.web.base-path:/actuator}") String actuatorPath) {
            return new IdempotencyKeyOpenApiCustomizer(exemptPaths(actuatorPath, properties), properties.retention());
        }
    }

    /** The actuator's paths and the POSTs that are queries: no Idempotency-Key handling there. */
    private static List<String> exemptPaths(String actuatorPath, IdempotencyProperties properties) {
        return Stream.concat(Stream.of(actuatorPath), properties.queryPaths().stream()).toList();
    }
}
