package cn.smartunion.systemtest.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/**
 * The services' consumer groups as Kafka's Admin API sees them: committed offsets, end offsets, lag, and a rewind to
 * the earliest offset (only while the group has no members, i.e. its service is stopped). For tests that wait until
 * a service has read everything, replay a topic, or watch a partition's progress.
 */
public final class ConsumerGroups implements AutoCloseable {

    private final Admin admin;

    public ConsumerGroups(Suite suite) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        this.admin = Admin.create(properties);
    }

    /** The groups whose id matches, sorted. */
    public List<String> groups(Predicate<String> which) {
        return call(() -> admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .filter(which).sorted().toList());
    }

    /** The groups with a live member assigned a partition of the topic (analysts' finished groups are not). */
    public List<String> readersOf(String topic) {
        return call(() -> {
            List<String> all = groups(group -> true);
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
        });
    }

    /** The group's committed offset of each partition of the topic, by partition; the log start where none is. */
    public Map<Integer, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> offsets = committed(group);
        Map<Integer, Long> byPartition = new TreeMap<>();
        earliestOffsets(topic).forEach((partition, start) -> {
            OffsetAndMetadata committed = offsets.get(new TopicPartition(topic, partition));
            byPartition.put(partition, committed == null ? start : committed.offset());
        });
        return byPartition;
    }

    /** Each partition's end offset (the offset the next record will get). */
    public Map<Integer, Long> endOffsets(String topic) {
        return offsets(topic, OffsetSpec.latest());
    }

    /** Each partition's log start offset. */
    public Map<Integer, Long> earliestOffsets(String topic) {
        return offsets(topic, OffsetSpec.earliest());
    }

    /** Records of the topic the group has still to read. */
    public long lag(String group, String topic) {
        Map<Integer, Long> committed = committed(group, topic);
        return endOffsets(topic).entrySet().stream()
                .mapToLong(end -> end.getValue() - committed.get(end.getKey())).sum();
    }

    /** Records the group has still to read, over every partition it has committed an offset on. */
    public long lag(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, Long> ends = offsets(committed.keySet(), OffsetSpec.latest());
        return committed.entrySet().stream()
                .mapToLong(partition -> ends.get(partition.getKey()) - partition.getValue().offset()).sum();
    }

    /** Waits until every one of the groups has read every partition it has committed on. */
    public void awaitNoLag(Collection<String> groups, Duration atMost) {
        await(String.join(", ", groups) + " read to the end").atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> groups.stream().allMatch(group -> lag(group) == 0));
    }

    /**
     * Sets the group back to the start of every partition it has committed on; its service must be stopped. Answers
     * how many records the group will read again.
     */
    public long rewindToEarliest(String group) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        offsets(committed.keySet(), OffsetSpec.earliest())
                .forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset)));
        call(() -> admin.alterConsumerGroupOffsets(group, start).all().get());
        return committed.entrySet().stream()
                .mapToLong(partition -> partition.getValue().offset() - start.get(partition.getKey()).offset()).sum();
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return call(() -> admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet()
                .stream().filter(entry -> entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private Map<Integer, Long> offsets(String topic, OffsetSpec spec) {
        int partitions = call(() -> admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().size());
        List<TopicPartition> all = new ArrayList<>();
        for (int partition = 0; partition < partitions; partition++) {
            all.add(new TopicPartition(topic, partition));
        }
        Map<Integer, Long> byPartition = new TreeMap<>();
        offsets(all, spec).forEach((partition, offset) -> byPartition.put(partition.partition(), offset));
        return byPartition;
    }

    private Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(partition -> partition, partition -> spec));
        return call(() -> admin.listOffsets(request).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset())));
    }

    private interface AdminCall<T> {
        T get() throws InterruptedException, ExecutionException;
    }

    private static <T> T call(AdminCall<T> call) {
        try {
            return call.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
