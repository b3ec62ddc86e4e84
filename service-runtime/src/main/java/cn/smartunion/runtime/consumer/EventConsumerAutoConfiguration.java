package cn.smartunion.runtime.consumer;

import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.events.MalformedEventException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every listener of a service gets bounded retries and then the dead-letter topic {@code <topic>.DLT}; the failed
 * record's offset is committed so later records of the partition keep flowing. Malformed records skip the retries.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties(EventConsumerProperties.class)
public class EventConsumerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @ConditionalOnBean(KafkaTemplate.class)
    DefaultErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template,
                                                  EventConsumerProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        var backOff = new FixedBackOff(properties.getRetryInterval().toMillis(), properties.getMaxAttempts() - 1L);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(MongoTemplate.class)
    IdempotentProjection idempotentProjection(MongoTemplate mongo) {
        return new IdempotentProjection(mongo);
    }
}
