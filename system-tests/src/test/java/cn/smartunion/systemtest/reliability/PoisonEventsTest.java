package cn.smartunion.systemtest.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import cn.smartunion.systemtest.suite.ConsumerGroups;
import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario 3 (issue 10): 10 malformed events, each malformed in its own way, at seeded random places among
 * 10,000 (2,000 in the build: {@link MemberEventRecords#scenarioEvents()}) on {@code membership.member.v1}, the topic four services read (aid-service's member records,
 * competition-service's member views, membership-service's member counts, statistics-service's facts). Every consumer
 * group of the topic puts exactly those 10 on {@code membership.member.v1.DLT} (told apart by spring-kafka's
 * {@code kafka_dlt-original-consumer-group} header) and nothing else of the test's, applies the other 9,990 (counted
 * in each of the four projections), and no partition's committed offset stands still with lag behind it for more than
 * 10 s (sampled every 200 ms).
 *
 * <p>Malformed records are not retried (retrying cannot mend them: service-runtime marks them not retryable); records
 * failing for other reasons get the bounded retries (3 deliveries, 500 ms apart) before the DLT. An event of a type
 * the consumers do not know is not among the 10: a topic may carry new event types (a minor contract change), and
 * consumers skip them by design.
 */
class PoisonEventsTest {

    private static final int EVENTS = MemberEventRecords.scenarioEvents();
    private static final long SEED = Long.getLong("reliability.consumer-faults.seed", 20_261_122L);
    private static final String DLT = MemberEventRecords.TOPIC + ".DLT";
    private static final Duration LONGEST_ALLOWED_STALL = Duration.ofSeconds(10);
    private static final Duration CATCH_UP = Duration.ofMinutes(10);
    /** The groups of the four projections; any other live group of the topic is checked the same way. */
    private static final List<String> PROJECTION_GROUPS = List.of(ConsumerCrashReplayTest.GROUP,
            "competition-service.member-views", "membership-service.org-member-counts",
            "statistics-service.facts.membership-member");

    private static Suite suite;

    /** A way of being malformed: a name for the report, and what it does to a valid record. */
    private record Poison(String name, UnaryOperator<ProducerRecord<String, String>> spoil) {
    }

    private static final List<Poison> POISONS = List.of(
            new Poison("invalid JSON", r -> withValue(r, r.value().substring(0, r.value().length() / 2))),
            new Poison("value not JSON", r -> withValue(r, "member activated")),
            new Poison("no value", r -> withValue(r, null)),
            new Poison("no ce_id", r -> withoutHeader(r, "ce_id")),
            new Poison("no ce_type", r -> withoutHeader(r, "ce_type")),
            new Poison("no ce_source", r -> withoutHeader(r, "ce_source")),
            new Poison("unknown CloudEvents version", r -> withHeader(r, "ce_specversion", "0.3")),
            new Poison("not JSON content", r -> withHeader(r, "content-type", "application/xml")),
            new Poison("payload failing the schema (effectiveOn 2026-02-30)",
                    r -> withValue(r, r.value().replaceFirst("\"effectiveOn\":\"[0-9-]+\"",
                            "\"effectiveOn\":\"2026-02-30\""))),
            new Poison("wrong orgPath", r -> withHeader(withValue(r, r.value().replace(MemberEventRecords.YUNXI,
                    "420000/../420322")), "ce_orgpath", "420000/../420322")));

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicOnceForEveryGroupAndTheRestAreApplied() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String validPrefix = "poison-" + run + "-m";
        String poisonPrefix = "poison-" + run + "-x";
        MemberEventRecords.Union union = MemberEventRecords.Union.underYunxi("P" + run.toUpperCase());
        Random random = new Random(SEED);
        Set<Integer> poisonAt = new TreeSet<>();
        while (poisonAt.size() < POISONS.size()) {
            poisonAt.add(random.nextInt(EVENTS));
        }
        List<ProducerRecord<String, String>> records = new ArrayList<>(EVENTS);
        Map<Integer, Poison> poisonByIndex = new HashMap<>();
        int valid = 0;
        int poisoned = 0;
        Instant at = Instant.parse("2026-11-02T02:00:00Z");
        for (int i = 0; i < EVENTS; i++) {
            if (poisonAt.contains(i)) {
                Poison poison = POISONS.get(poisoned);
                records.add(poison.spoil().apply(MemberEventRecords.activated(poisonPrefix + poisoned, union,
                        List.of(), LocalDate.of(2026, 3, 1), at.plusSeconds(i))));
                poisonByIndex.put(i, poison);
                poisoned++;
            } else {
                records.add(MemberEventRecords.activated(validPrefix + String.format("%06d", valid), union,
                        List.of("MIGRANT_WORKER"), LocalDate.of(2026, 3, 1).plusDays(valid % 200), at.plusSeconds(i)));
                valid++;
            }
        }
        int expectedApplied = valid;

        Map<String, Integer> dltByGroup;
        Map<String, Map<String, String>> causes;
        StallWatch stalls;
        List<String> groups;
        try (ConsumerGroups offsets = new ConsumerGroups(suite)) {
            await("the four projections' groups read " + MemberEventRecords.TOPIC).atMost(CATCH_UP)
                    .until(() -> offsets.readersOf(MemberEventRecords.TOPIC).containsAll(PROJECTION_GROUPS));
            groups = offsets.readersOf(MemberEventRecords.TOPIC);
            groups.forEach(group -> offsets.awaitNoLag(List.of(group), CATCH_UP));

            stalls = new StallWatch(offsets, groups);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(stalls::sample, 0, 200, TimeUnit.MILLISECONDS);
            List<RecordMetadata> landed;
            try {
                landed = MemberEventRecords.publish(suite, records);
                await("every group reads the test's events").atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1))
                        .until(() -> groups.stream().allMatch(group -> offsets.lag(group) == 0));
            }
            finally {
                sampler.shutdownNow();
            }

            Map<String, Poison> poisonByPosition = new HashMap<>();
            Set<String> testPositions = new TreeSet<>();
            for (int i = 0; i < landed.size(); i++) {
                String position = landed.get(i).partition() + "@" + landed.get(i).offset();
                testPositions.add(position);
                if (poisonByIndex.containsKey(i)) {
                    poisonByPosition.put(position, poisonByIndex.get(i));
                }
            }
            DeadLetters dead = new DeadLetters();
            // a group dead-letters a record before it commits past it; wait in case a send is still in flight
            await("the dead letters of every group").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        dead.read(testPositions);
                        return groups.stream().allMatch(group -> dead.count(group) >= POISONS.size());
                    });
            dltByGroup = new TreeMap<>();
            causes = new TreeMap<>();
            for (String group : groups) {
                dltByGroup.put(group, dead.count(group));
                assertThat(dead.positions(group)).as(group + ": the test's records on " + DLT)
                        .containsExactlyInAnyOrderElementsOf(poisonByPosition.keySet());
                Map<String, String> byPoison = new LinkedHashMap<>();
                dead.causes(group).forEach((position, cause) -> byPoison.put(poisonByPosition.get(position).name(),
                        cause));
                causes.put(group, byPoison);
            }
        }

        Map<String, Long> applied = new LinkedHashMap<>();
        Map<String, Long> appliedPoison = new LinkedHashMap<>();
        countIn("aid", "member_records", "_id", null, validPrefix, poisonPrefix, applied, appliedPoison);
        countIn("competition", "member_views", "_id", null, validPrefix, poisonPrefix, applied, appliedPoison);
        countIn("membership", "org_member_placements", "_id", null, validPrefix, poisonPrefix, applied,
                appliedPoison);
        countIn("statistics", "facts", "subjectId", Filters.eq("kind", "cn.smartunion.membership.member.activated.v1"),
                validPrefix, poisonPrefix, applied, appliedPoison);

        System.out.printf("RELIABILITY poison-events: %d events, %d malformed; DLT per group: %s; applied %s; "
                        + "longest partition stall %.1f s (%s; by group %s)%n", EVENTS, POISONS.size(), dltByGroup,
                applied, stalls.longest().toMillis() / 1000.0, stalls.longestWhere(), stalls.byGroup());
        causes.values().stream().findFirst().ifPresent(byPoison -> System.out.printf(
                "RELIABILITY poison-events: dead-lettered as %s%n", byPoison));
        assertThat(dltByGroup).as("the test's records on " + DLT + " by consumer group").hasSize(groups.size())
                .allSatisfy((group, count) -> assertThat(count).as(group).isEqualTo(POISONS.size()));
        assertThat(causes).allSatisfy((group, byPoison) -> assertThat(byPoison.values()).as(group)
                .allMatch(cause -> cause.endsWith("MalformedEventException")));
        assertThat(applied).as("valid events applied, by projection")
                .allSatisfy((projection, count) -> assertThat(count).as(projection).isEqualTo(expectedApplied));
        assertThat(appliedPoison).as("malformed events applied, by projection")
                .allSatisfy((projection, count) -> assertThat(count).as(projection).isZero());
        assertThat(stalls.longest()).as("the longest time a partition stood still with lag (%s)", stalls.longestWhere())
                .isLessThanOrEqualTo(LONGEST_ALLOWED_STALL);
    }

    private static void countIn(String database, String collection, String field, Bson also, String validPrefix,
            String poisonPrefix, Map<String, Long> applied, Map<String, Long> appliedPoison) {
        try (MongoClient client = MongoClients.create(suite.mongoUri(database))) {
            var documents = client.getDatabase(database).getCollection(collection);
            applied.put(database + "." + collection, documents.countDocuments(filter(field, validPrefix, also)));
            appliedPoison.put(database + "." + collection, documents.countDocuments(filter(field, poisonPrefix, also)));
        }
    }

    private static Bson filter(String field, String prefix, Bson also) {
        Bson byPrefix = Filters.regex(field, "^" + Pattern.quote(prefix));
        return also == null ? byPrefix : Filters.and(byPrefix, also);
    }

    private static ProducerRecord<String, String> withValue(ProducerRecord<String, String> record, String value) {
        return new ProducerRecord<>(record.topic(), null, record.key(), value, record.headers());
    }

    private static ProducerRecord<String, String> withHeader(ProducerRecord<String, String> record, String name,
            String value) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        MemberEventRecords.put(headers, name, value);
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }

    private static ProducerRecord<String, String> withoutHeader(ProducerRecord<String, String> record, String name) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.remove(name);
        return new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers);
    }

    /**
     * How long each group's partitions stood still: the committed offset unchanged while records wait behind it.
     */
    private static final class StallWatch {

        private final ConsumerGroups offsets;
        private final List<String> groups;
        private final Map<String, Long> lastOffset = new HashMap<>();
        private final Map<String, Long> still = new HashMap<>();
        private final Map<String, Long> longestByGroup = new TreeMap<>();
        private volatile long longestNanos;
        private volatile String longestWhere = "none";

        StallWatch(ConsumerGroups offsets, List<String> groups) {
            this.offsets = offsets;
            this.groups = groups;
        }

        synchronized void sample() {
            try {
                Map<Integer, Long> ends = offsets.endOffsets(MemberEventRecords.TOPIC);
                long now = System.nanoTime();
                for (String group : groups) {
                    offsets.committed(group, MemberEventRecords.TOPIC).forEach((partition, committed) -> {
                        String key = group + " partition " + partition;
                        Long last = lastOffset.put(key, committed);
                        if (committed >= ends.get(partition) || last == null || last.longValue() != committed) {
                            still.put(key, now);
                            return;
                        }
                        long stalled = now - still.get(key);
                        longestByGroup.merge(group, stalled, Math::max);
                        if (stalled > longestNanos) {
                            longestNanos = stalled;
                            longestWhere = key + " at offset " + committed;
                        }
                    });
                }
            }
            catch (RuntimeException e) {
                // a sample the broker did not answer in time: the next one covers the stretch
            }
        }

        Duration longest() {
            return Duration.ofNanos(longestNanos);
        }

        String longestWhere() {
            return longestWhere;
        }

        /** The longest stall of each group's partitions, in seconds. */
        synchronized Map<String, String> byGroup() {
            Map<String, String> seconds = new TreeMap<>();
            groups.forEach(group -> seconds.put(group, String.format("%.1f", longestByGroup.getOrDefault(group, 0L)
                    / 1e9)));
            return seconds;
        }
    }

    /** The records on the DLT that came from the test's positions on the topic, by the group that gave them up. */
    private static final class DeadLetters {

        private final Map<String, Map<String, Integer>> byGroup = new TreeMap<>();
        private final Map<String, Map<String, String>> causeByGroup = new TreeMap<>();

        void read(Set<String> testPositions) {
            byGroup.clear();
            causeByGroup.clear();
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
            config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                List<TopicPartition> partitions = consumer.partitionsFor(DLT, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(DLT, info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                        && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                        String topic = text(record, "kafka_dlt-original-topic");
                        if (!MemberEventRecords.TOPIC.equals(topic)) {
                            continue;
                        }
                        String position = ByteBuffer.wrap(header(record, "kafka_dlt-original-partition")).getInt()
                                + "@" + ByteBuffer.wrap(header(record, "kafka_dlt-original-offset")).getLong();
                        if (testPositions.contains(position)) {
                            String group = text(record, "kafka_dlt-original-consumer-group");
                            byGroup.computeIfAbsent(group, g -> new TreeMap<>()).merge(position, 1, Integer::sum);
                            causeByGroup.computeIfAbsent(group, g -> new TreeMap<>()).put(position,
                                    text(record, "kafka_dlt-exception-cause-fqcn"));
                        }
                    }
                }
            }
        }

        int count(String group) {
            return byGroup.getOrDefault(group, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Each position as often as it was dead-lettered. */
        List<String> positions(String group) {
            List<String> positions = new ArrayList<>();
            byGroup.getOrDefault(group, Map.of()).forEach((position, times) -> {
                for (int i = 0; i < times; i++) {
                    positions.add(position);
                }
            });
            return positions;
        }

        Map<String, String> causes(String group) {
            return causeByGroup.getOrDefault(group, Map.of());
        }

        private static byte[] header(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? new byte[0] : header.value();
        }

        private static String text(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    }
}
