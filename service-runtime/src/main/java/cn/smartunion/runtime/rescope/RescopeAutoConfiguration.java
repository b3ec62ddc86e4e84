package cn.smartunion.runtime.rescope;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;

import java.time.Clock;

/** The {@link SubtreeRescoper} and the {@link RescopeSweeper} for the {@link RescopeTarget} beans a service declares. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "cn.smartunion.runtime.outbox.OutboxAutoConfiguration"})
@EnableConfigurationProperties(RescopeProperties.class)
@ConditionalOnBean(MongoTemplate.class)
public class RescopeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SubtreeRescoper subtreeRescoper(MongoTemplate mongo, RescopeProperties properties) {
        return new SubtreeRescoper(mongo, properties.getBatchSize());
    }

    @Bean
    @ConditionalOnMissingBean
    RescopeSweeper rescopeSweeper(SubtreeRescoper rescoper, ObjectProvider<RescopeTarget> targets,
                                  RescopeProperties properties, ObjectProvider<Clock> clock) {
        return new RescopeSweeper(rescoper, targets, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** A service whose own records carry org paths switches this on (smartunion.rescope.follow-org-moves=true). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(KafkaListener.class)
    @ConditionalOnProperty(name = "smartunion.rescope.follow-org-moves", havingValue = "true")
    OwnedRecordsFollowMoves ownedRecordsFollowMoves(SubtreeRescoper rescoper, ObjectProvider<RescopeTarget> targets) {
        return new OwnedRecordsFollowMoves(rescoper, targets.orderedStream().toList());
    }
}
