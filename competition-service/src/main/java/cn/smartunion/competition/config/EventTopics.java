package cn.smartunion.competition.config;

import cn.smartunion.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces, created at start-up when missing (keyed by aggregate id). */
@Configuration(proxyBeanMethods = false)
class EventTopics {

    @Bean
    KafkaAdmin.NewTopics competitionTopics(@Value("${smartunion.kafka.partitions:3}") int partitions,
                                           @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.COMPETITION_COMPETITION, partitions, replicationFactor),
                topic(Topics.COMPETITION_ENTRY, partitions, replicationFactor),
                topic(Topics.COMPETITION_JUDGING, partitions, replicationFactor),
                topic(Topics.COMPETITION_HONOUR, partitions, replicationFactor),
                topic(Topics.COMPETITION_INNOVATION, partitions, replicationFactor));
    }

    private static NewTopic topic(String name, int partitions, int replicationFactor) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build();
    }
}
