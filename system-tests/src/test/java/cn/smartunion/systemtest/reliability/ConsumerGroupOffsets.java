package cn.smartunion.systemtest.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import cn.smartunion.systemtest.suite.Suite;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * The services' consumer groups on one topic as Kafka's Admin API sees them: committed offsets, end offsets, lag, and
 * a rewind to the earliest offset (only while the group has no members, i.e. its service is stopped).
 */
final class ConsumerGroupOffsets implements AutoCloseable {

    private final Admin admin;
    private final String topic;

    ConsumerGroupOffsets(Suite suite, String topic) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        this.admin = Admin.create(properties);
        this.topic = topic;
    }

    /** The groups with a live member assigned a partition of the topic (analysts' leftover groups are not). */
    List<String> liveGroups() {
        try {
            List<String> all = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .toList();
            List<String> reading = new ArrayList<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(all).all().get().values()) {
                boolean assigned = group.members().stream().anyMatch(member -> member.assignment().topicPartitions()
                        .stream().anyMatch(partition -> partition.topic().equals(topic)));
                if (assigned) {
                    reading.add(group.groupId());
                }
            }
            reading.sort(null);
            return reading;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed offset of each partition of the topic, by partition number; the log start where none is. */
    Map<Integer, Long> committed(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<Integer, Long> byPartition = new TreeMap<>();
            earliest().forEach((partition, start) -> {
                OffsetAndMetadata committed = offsets.get(new TopicPartition(topic, partition));
                byPartition.put(partition, committed == null ? start : committed.offset());
            });
            return byPartition;
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<Integer, Long> ends() {
        return offsets(OffsetSpec.latest());
    }

    Map<Integer, Long> earliest() {
        return offsets(OffsetSpec.earliest());
    }

    long lag(String group) {
        Map<Integer, Long> committed = committed(group);
        return ends().entrySet().stream().mapToLong(end -> end.getValue() - committed.get(end.getKey())).sum();
    }

    /** Waits until the group has read every record of the topic. */
    void awaitNoLag(String group, Duration atMost) {
        await(group + " reads " + topic + " to its end").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> lag(group) == 0);
    }

    /** Sets the group back to the start of every partition; its service must be stopped. */
    void rewindToEarliest(String group) {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        earliest().forEach((partition, offset) -> start.put(new TopicPartition(topic, partition),
                new OffsetAndMetadata(offset)));
        try {
            admin.alterConsumerGroupOffsets(group, start).all().get();
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("cannot rewind " + group + " (is its service still running?)", e);
        }
    }

    private Map<Integer, Long> offsets(OffsetSpec spec) {
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .size();
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                request.put(new TopicPartition(topic, p), spec);
            }
            return admin.listOffsets(request).all().get().entrySet().stream().collect(Collectors.toMap(
                    entry -> entry.getKey().partition(), entry -> entry.getValue().offset(), (a, b) -> a,
                    TreeMap::new));
        }
        catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
