package cn.smartunion.systemtest.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.awaitility.Awaitility.await;

/** How far consumer groups are behind on a topic, from their committed offsets (as ProvinceStatisticsTest reads it). */
final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin = Admin.create(properties);
    }

    /** A group of one of the suite's services, not one of the harness's or Kafka's tools. */
    static boolean isService(String group) {
        return !group.startsWith("performance-harness") && !group.startsWith("perf-consumer");
    }

    /** The groups that have committed offsets on the topic. */
    List<String> groupsOn(String topic) throws Exception {
        List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                .sorted().toList();
        return groups.stream().filter(group -> {
            try {
                return committed(group, topic).size() > 0;
            }
            catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** Records of the topic the group has still to read (its committed offsets to the end of each partition). */
    long lag(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group, topic);
        Map<TopicPartition, Long> ends = endOffsets(topic);
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** Records in the topic: the sum of its partitions' end offsets. */
    long endOffset(String topic) throws Exception {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** Waits until every group matching {@code which} has read the topic to its end. */
    void awaitCaughtUp(String topic, Predicate<String> which, Duration atMost) throws Exception {
        List<String> groups = groupsOn(topic).stream().filter(which).toList();
        await(String.join(", ", groups) + " read " + topic + " to its end").atMost(atMost)
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    for (String group : groups) {
                        if (lag(group, topic) > 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group, String topic) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(topic) && entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(
                p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
