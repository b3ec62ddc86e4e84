package cn.smartunion.runtime.personaldata;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@link PersonalDataProtector} from {@code smartunion.personal-data.*}; the service does not start without valid
 * keys.
 */
@AutoConfiguration
@EnableConfigurationProperties(PersonalDataProperties.class)
public class PersonalDataAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PersonalDataProtector personalDataProtector(PersonalDataProperties properties) {
        return PersonalDataProtector.from(properties);
    }
}
