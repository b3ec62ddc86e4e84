package cn.smartunion.statistics;

import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwts;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * statistics-service as it runs: EmbeddedKafka with every topic it reads, the Mongo wire server, one shared context.
 * Each test builds its own union tree under a fresh root ({@link #tree()}), so figures of different tests never mix.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.events.consumer.retry-interval=50ms",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER, Topics.AID_CASE,
        Topics.AID_CAMPAIGN, Topics.AID_APPLICATION, Topics.AID_DISBURSEMENT, Topics.AID_MUTUAL_AID,
        Topics.RIGHTS_WORK_ORDER, Topics.RIGHTS_DISPUTE, Topics.RIGHTS_SUPERVISION, Topics.RIGHTS_BARGAINING,
        Topics.COMPETITION_COMPETITION, Topics.COMPETITION_ENTRY, Topics.COMPETITION_HONOUR,
        Topics.COMPETITION_INNOVATION})
public abstract class StatisticsSpringTest {

    /** The consumer group of each topic's fact listener. */
    private static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry(Topics.MEMBERSHIP_ORG, "membership-org"), Map.entry(Topics.MEMBERSHIP_MEMBER, "membership-member"),
            Map.entry(Topics.AID_CASE, "aid-case"), Map.entry(Topics.AID_CAMPAIGN, "aid-campaign"),
            Map.entry(Topics.AID_APPLICATION, "aid-application"), Map.entry(Topics.AID_DISBURSEMENT, "aid-disbursement"),
            Map.entry(Topics.AID_MUTUAL_AID, "aid-mutual-aid"), Map.entry(Topics.RIGHTS_WORK_ORDER, "rights-work-order"),
            Map.entry(Topics.RIGHTS_DISPUTE, "rights-dispute"), Map.entry(Topics.RIGHTS_SUPERVISION, "rights-supervision"),
            Map.entry(Topics.RIGHTS_BARGAINING, "rights-bargaining"),
            Map.entry(Topics.COMPETITION_COMPETITION, "competition-competition"),
            Map.entry(Topics.COMPETITION_ENTRY, "competition-entry"),
            Map.entry(Topics.COMPETITION_HONOUR, "competition-honour"),
            Map.entry(Topics.COMPETITION_INNOVATION, "competition-innovation"));

    private static Admin admin;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "statistics-service-test");
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected MongoTemplate mongo;
    @Autowired protected EmbeddedKafkaBroker broker;
    @Autowired protected OrgDirectory orgDirectory;
    @Autowired protected OutboxEvents outboxEvents;
    @Autowired protected KafkaTemplate<String, String> kafka;

    @AfterAll
    static void closeAdmin() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }

    /** A province {@code root} with cities {@code C1} (counties {@code K1}, {@code K2}) and {@code C2} ({@code K3}). */
    protected record Tree(String root) {
        public String c1() { return root + "/C1"; }
        public String c2() { return root + "/C2"; }
        public String k1() { return root + "/C1/K1"; }
        public String k2() { return root + "/C1/K2"; }
        public String k3() { return root + "/C2/K3"; }
        public static String orgId(String path) { return "org-" + path.replace('/', '-'); }
    }

    /** A fresh tree in the org directory, as membership's org events would have built it. */
    protected Tree tree() {
        Tree tree = new Tree(unique("T"));
        register(tree.root(), "省总工会", "PROVINCIAL_FEDERATION");
        register(tree.c1(), "一市总工会", "CITY_FEDERATION");
        register(tree.c2(), "二市总工会", "CITY_FEDERATION");
        register(tree.k1(), "甲县总工会", "COUNTY_FEDERATION");
        register(tree.k2(), "乙县总工会", "COUNTY_FEDERATION");
        register(tree.k3(), "丙县总工会", "COUNTY_FEDERATION");
        return tree;
    }

    private void register(String path, String name, String type) {
        int slash = path.lastIndexOf('/');
        String parentId = slash < 0 ? null : Tree.orgId(path.substring(0, slash));
        orgDirectory.apply(unique("registered"), new OrgRegistered(Tree.orgId(path), path.substring(slash + 1), name,
                type, parentId, path, null, Instant.parse("2020-01-01T00:00:00Z")));
    }

    /** A CloudEvent as the producing service's outbox would publish it, its payload checked against its schema. */
    protected OutboxEvent event(EventType type, String subject, String orgPath, Object payload) {
        OutboxEvent event = outboxEvents.create(type, subject, orgPath, payload);
        EventSchemaAssertions.assertConformsToSchema(event.type(), event.data());
        return event;
    }

    /** Publishes the events in order (a topic's records keep it) and waits until every listener has read them. */
    protected void publish(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();
        awaitConsumed();
    }

    /** Waits until every fact listener's group has committed the end of its topic. */
    protected void awaitConsumed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(this::allConsumed);
    }

    private boolean allConsumed() throws Exception {
        Admin a = admin();
        List<TopicPartition> partitions = new ArrayList<>();
        GROUPS.keySet().forEach(topic -> partitions.add(new TopicPartition(topic, 0)));
        var ends = a.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get();
        for (TopicPartition partition : partitions) {
            long end = ends.get(partition).offset();
            if (end == 0) {
                continue;
            }
            String group = "statistics-service.facts." + GROUPS.get(partition.topic());
            Map<TopicPartition, OffsetAndMetadata> committed = a.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null || offset.offset() < end) {
                return false;
            }
        }
        return true;
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()));
        }
        return admin;
    }

    @Autowired private cn.smartunion.statistics.facts.application.FactRecorder recorder;

    /**
     * A second reader of every topic from offset 0 (a consumer of its own, outside the listeners' groups), feeding
     * each record to the fact recorder as the listeners do; returns how many events it counted that had not been
     * counted before.
     */
    protected int replayFromStart() {
        List<TopicPartition> partitions = GROUPS.keySet().stream().map(topic -> new TopicPartition(topic, 0)).toList();
        Map<TopicPartition, Long> ends = new java.util.HashMap<>();
        partitions.forEach(p -> ends.put(p, endOffset(p.topic())));
        int counted = 0;
        Map<String, Object> props = org.springframework.kafka.test.utils.KafkaTestUtils.consumerProps(broker,
                "replay-" + UUID.randomUUID(), false);
        try (var consumer = new org.springframework.kafka.core.DefaultKafkaConsumerFactory<>(props,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer()).createConsumer()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var inbound = CloudEventCodec.fromRecord(record);
                    var payloadType = recorder.payloadType(inbound.type());
                    if (payloadType.isPresent() && recorder.record(inbound.id(), inbound.type(), inbound.orgPath(),
                            inbound.time(), inbound.dataAs(payloadType.get()))) {
                        counted++;
                    }
                }
            }
        }
        return counted;
    }

    private long endOffset(String topic) {
        try {
            TopicPartition partition = new TopicPartition(topic, 0);
            return admin().listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    protected static RequestPostProcessor analyst(String orgPath) {
        return TestJwts.orgUser(orgPath, "analyst");
    }

    protected static RequestPostProcessor staff(String orgPath, String... roles) {
        return TestJwts.orgUser(orgPath, roles);
    }
}
