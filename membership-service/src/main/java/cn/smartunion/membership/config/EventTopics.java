package cn.smartunion.membership.config;

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
    KafkaAdmin.NewTopics membershipTopics(@Value("${smartunion.kafka.partitions:3}") int partitions,
                                          @Value("${smartunion.kafka.replication-factor:1}") int replicationFactor) {
        return DomainTopics.topics(partitions, replicationFactor, Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER,
                Topics.MEMBERSHIP_APPLICATION, Topics.MEMBERSHIP_ENROLMENT);
    }
}
