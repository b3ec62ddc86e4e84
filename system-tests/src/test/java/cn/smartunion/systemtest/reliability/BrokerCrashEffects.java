package cn.smartunion.systemtest.reliability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

/**
 * Where a single member entry of one union takes effect, read straight from the stores and the topic: membership's
 * outbox (pending {@code MemberActivated} events in {@code members}), and each projection that consumes the event,
 * counted per member id. A projection keeps the ids of the events it applied, so a redelivery changes nothing; what
 * is counted is the effect itself (an {@code ACTIVE} standing change, a fact), where applying twice would show.
 */
final class BrokerCrashEffects implements AutoCloseable {

    static final String TOPIC = "membership.member.v1";
    static final String MEMBER_ACTIVATED = "cn.smartunion.membership.member.activated.v1";

    /** A consuming projection: its name and how many effects of an activation it holds per member id. */
    record Projection(String name, Counter counter) {
    }

    interface Counter {
        Map<String, Integer> effectsByMember(BrokerCrashEffects effects);
    }

    private final Suite suite;
    private final String unionId;
    private final MongoClient mongo;

    BrokerCrashEffects(Suite suite, String unionId) {
        this.suite = suite;
        this.unionId = unionId;
        this.mongo = MongoClients.create(suite.mongoUri("membership"));
    }

    /**
     * The projections of {@code MemberActivated}: aid-service's member records (one {@code ACTIVE} standing change per
     * activation), statistics-service's facts (one fact per activation), competition-service's member views and
     * membership-service's own per-union member placements (present or not: their effect is a set, so a second
     * application could not show; they are checked for loss).
     */
    static List<Projection> projections() {
        return List.of(
                new Projection("aid-service member_records", BrokerCrashEffects::aidStandingChanges),
                new Projection("statistics-service facts", BrokerCrashEffects::statisticsFacts),
                new Projection("competition-service member_views", BrokerCrashEffects::competitionViews),
                new Projection("membership-service org_member_placements", BrokerCrashEffects::placements));
    }

    /** The members of {@code among} whose documents in {@code members} still carry events in their outbox. */
    Set<String> pendingInOutbox(Collection<String> among) {
        Set<String> wanted = new HashSet<>(among);
        Set<String> pending = new HashSet<>();
        for (Document member : mongo.getDatabase("membership").getCollection("members")
                .find(Filters.exists("outbox.eventId")).projection(Projections.include("_id"))) {
            String id = String.valueOf(member.get("_id"));
            if (wanted.contains(id)) {
                pending.add(id);
            }
        }
        return pending;
    }

    /** Every document of the outbox collection with pending events, whoever's. */
    long pendingInOutbox() {
        return mongo.getDatabase("membership").getCollection("members").countDocuments(
                Filters.exists("outbox.eventId"));
    }

    private Map<String, Integer> aidStandingChanges() {
        Map<String, Integer> byMember = new HashMap<>();
        for (Document record : mongo.getDatabase("aid").getCollection("member_records")
                .find(Filters.eq("orgId", unionId)).projection(Projections.include("changes"))) {
            int active = 0;
            for (Document change : record.getList("changes", Document.class, List.of())) {
                if ("ACTIVE".equals(change.getString("standing"))) {
                    active++;
                }
            }
            byMember.put(String.valueOf(record.get("_id")), active);
        }
        return byMember;
    }

    private Map<String, Integer> statisticsFacts() {
        Map<String, Integer> byMember = new HashMap<>();
        for (Document fact : mongo.getDatabase("statistics").getCollection("facts")
                .find(Filters.eq("kind", MEMBER_ACTIVATED)).projection(Projections.include("subjectId"))) {
            byMember.merge(fact.getString("subjectId"), 1, Integer::sum);
        }
        return byMember;
    }

    private Map<String, Integer> competitionViews() {
        return idsOf(mongo.getDatabase("competition").getCollection("member_views")
                .find(Filters.eq("orgId", unionId)).projection(Projections.include("_id")));
    }

    private Map<String, Integer> placements() {
        return idsOf(mongo.getDatabase("membership").getCollection("org_member_placements")
                .find(Filters.and(Filters.eq("orgId", unionId), Filters.eq("counted", true)))
                .projection(Projections.include("_id")));
    }

    private static Map<String, Integer> idsOf(Iterable<Document> documents) {
        Map<String, Integer> byMember = new HashMap<>();
        for (Document document : documents) {
            byMember.merge(String.valueOf(document.get("_id")), 1, Integer::sum);
        }
        return byMember;
    }

    /**
     * The {@code MemberActivated} records on the topic per member of {@code expected}, read from the beginning with a
     * group of its own until every expected member has shown up and the topic stayed quiet for 3 s (or the time ran
     * out: the missing ones then count as lost).
     */
    Map<String, Integer> activationsOnTopic(Set<String> expected, Duration atMost) {
        Map<String, Integer> byMember = new HashMap<>();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-broker-crash-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long deadline = System.nanoTime() + atMost.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                for (ConsumerRecord<String, String> record : records) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && MEMBER_ACTIVATED.equals(new String(type.value(), StandardCharsets.UTF_8))
                            && expected.contains(record.key())) {
                        byMember.merge(record.key(), 1, Integer::sum);
                    }
                }
                if (byMember.keySet().containsAll(expected)
                        && System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
                    break;
                }
            }
        }
        return byMember;
    }

    @Override
    public void close() {
        mongo.close();
    }
}
