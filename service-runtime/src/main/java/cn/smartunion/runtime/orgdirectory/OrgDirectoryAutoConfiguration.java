package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.runtime.consumer.IdempotentProjection;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * For services that scope their data by a tree they do not own ({@code smartunion.org-directory.enabled=true}):
 * the projection, its listener and the read API under {@code smartunion.org-directory.api-path}.
 */
@AutoConfiguration(afterName = "cn.smartunion.runtime.consumer.EventConsumerAutoConfiguration")
@ConditionalOnBooleanProperty("smartunion.org-directory.enabled")
public class OrgDirectoryAutoConfiguration {

    @Bean
    OrgDirectory orgDirectory(MongoTemplate mongo, IdempotentProjection projection) {
        return new OrgDirectory(mongo, projection);
    }

    @Bean
    OrgEventsListener orgEventsListener(OrgDirectory directory) {
        return new OrgEventsListener(directory);
    }

    @Bean
    OrgDirectoryController orgDirectoryController(OrgDirectory directory) {
        return new OrgDirectoryController(directory);
    }
}
