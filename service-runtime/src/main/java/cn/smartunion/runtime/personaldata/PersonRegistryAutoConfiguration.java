package cn.smartunion.runtime.personaldata;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * The {@link PersonRegistry} of services that keep the people their records name
 * ({@code smartunion.person-registry.enabled=true}).
 */
@AutoConfiguration(after = PersonalDataAutoConfiguration.class)
@ConditionalOnBooleanProperty("smartunion.person-registry.enabled")
public class PersonRegistryAutoConfiguration {

    @Bean
    PersonRegistry personRegistry(MongoTemplate mongo, PersonalDataProtector protector, ObjectProvider<Clock> clock) {
        return new PersonRegistry(mongo, protector, clock.getIfAvailable(Clock::systemUTC));
    }
}
