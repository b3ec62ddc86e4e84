package cn.smartunion.runtime.personaldata;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registers {@link PersonalDataJacksonModule} with Boot's JSON mapper. Separate from the keys so web slice tests get
 * it without configuring keys.
 */
@AutoConfiguration
@ConditionalOnClass(JsonMapper.class)
public class PersonalDataJsonAutoConfiguration {

    @Bean
    PersonalDataJacksonModule personalDataJacksonModule() {
        return new PersonalDataJacksonModule();
    }
}
