package cn.smartunion.runtime.orgdirectory;

import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.rescope.SubtreeRescoper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;

/**
 * For services that scope their data by a tree they do not own ({@code smartunion.org-directory.enabled=true}):
 * the projection, its listener, the read API under {@code smartunion.org-directory.api-path}, and the directory as a
 * rescope target, so moves a crash interrupted are finished by the sweeper.
 */
@AutoConfiguration(afterName = {"cn.smartunion.runtime.consumer.EventConsumerAutoConfiguration",
        "cn.smartunion.runtime.rescope.RescopeAutoConfiguration"})
@ConditionalOnBooleanProperty("smartunion.org-directory.enabled")
public class OrgDirectoryAutoConfiguration {

    @Bean
    OrgDirectory orgDirectory(MongoTemplate mongo, IdempotentProjection projection, SubtreeRescoper rescoper,
                              ObjectProvider<Clock> clock) {
        return new OrgDirectory(mongo, projection, rescoper, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RescopeTarget orgDirectoryRescopeTarget() {
        return OrgDirectory.RESCOPE_TARGET;
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
