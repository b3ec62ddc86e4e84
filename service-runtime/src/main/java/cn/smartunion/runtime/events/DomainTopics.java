package cn.smartunion.runtime.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Arrays;

/**
 * The domain topics a service produces, as it creates them at start-up when missing: keyed by aggregate id (so
 * partitions add throughput and one aggregate's events stay in order) and kept for ever ({@code retention.ms=-1},
 * delete policy, never compacted): every event counts in the statistics, and analysts and new consumers replay a topic
 * from its first record. Storage grows with the events; size the brokers' disks for it.
 */
public final class DomainTopics {

    public static final String KEEP_FOREVER = "-1";

    private DomainTopics() {
    }

    public static NewTopic topic(String name, int partitions, int replicationFactor) {
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor)
                .config(TopicConfig.RETENTION_MS_CONFIG, KEEP_FOREVER)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
                .build();
    }

    public static KafkaAdmin.NewTopics topics(int partitions, int replicationFactor, String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names).map(name -> topic(name, partitions, replicationFactor))
                .toArray(NewTopic[]::new));
    }
}
