package cn.smartunion.membership.enrolment.config;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.enrolment.application.EnrolmentProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Roster import settings, and the topic its completion events go to (keyed by job id). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrolmentProperties.class)
class EnrolmentConfiguration {

    @Bean
    NewTopic enrolmentTopic(@Value("${smartunion.kafka.partitions:3}") int partitions,
                            @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return TopicBuilder.name(Topics.MEMBERSHIP_ENROLMENT).partitions(partitions).replicas(replicationFactor)
                .build();
    }
}
