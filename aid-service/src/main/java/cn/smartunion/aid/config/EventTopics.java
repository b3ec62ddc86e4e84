package cn.smartunion.aid.config;

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
    KafkaAdmin.NewTopics aidTopics(@Value("${smartunion.kafka.partitions:3}") int partitions,
                                   @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.AID_CASE, partitions, replicationFactor),
                topic(Topics.AID_CAMPAIGN, partitions, replicationFactor),
                topic(Topics.AID_APPLICATION, partitions, replicationFactor),
                topic(Topics.AID_DISBURSEMENT, partitions, replicationFactor),
                topic(Topics.AID_MUTUAL_AID, partitions, replicationFactor));
    }

    private static NewTopic topic(String name, int partitions, int replicationFactor) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build();
    }
}
