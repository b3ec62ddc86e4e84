package cn.smartunion.competition.config;

import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.events.DomainTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces, created at start-up when missing (see {@link DomainTopics}). */
@Configuration(proxyBeanMethods = false)
class EventTopics {

    @Bean
    KafkaAdmin.NewTopics competitionTopics(@Value("${smartunion.kafka.partitions:3}") int partitions,
            @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return DomainTopics.topics(partitions, replicationFactor,
                Topics.COMPETITION_COMPETITION,
                Topics.COMPETITION_ENTRY,
                Topics.COMPETITION_JUDGING,
                Topics.COMPETITION_HONOUR,
                Topics.COMPETITION_INNOVATION);
    }
}
