package cn.smartunion.membership.config;

import cn.smartunion.contracts.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service produces, created at start-up when missing (keyed by aggregate id, so partitions add throughput). */
@Configuration(proxyBeanMethods = false)
class EventTopics {

    @Bean
    NewTopic orgTopic(@Value("${smartunion.kafka.partitions:3}") int partitions,
                      @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.MEMBERSHIP_ORG).partitions(partitions).replicas(replicationFactor).build();
    }

    @Bean
    NewTopic memberTopic(@Value("${smartunion.kafka.partitions:3}") int partitions,
                         @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.MEMBERSHIP_MEMBER).partitions(partitions).replicas(replicationFactor).build();
    }

    @Bean
    NewTopic applicationTopic(@Value("${smartunion.kafka.partitions:3}") int partitions,
                              @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.MEMBERSHIP_APPLICATION).partitions(partitions).replicas(replicationFactor)
                .build();
    }

    @Bean
    NewTopic enrolmentTopic(@Value("${smartunion.kafka.partitions:3}") int partitions,
                            @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.MEMBERSHIP_ENROLMENT).partitions(partitions).replicas(replicationFactor)
                .build();
    }
}
