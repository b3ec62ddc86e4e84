package cn.smartunion.runtime.outbox;

import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventType;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

@SpringBootTest(classes = EventRuntimeTestApplication.class, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.application.name=event-runtime-test",
        "smartunion.outbox.collections=widgets",
        // the tests drive the relay by hand, so the scheduled pass must not interfere
        "smartunion.outbox.poll-interval=1h",
        "smartunion.events.consumer.retry-interval=50ms",
        "smartunion.events.consumer.max-attempts=3",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@EmbeddedKafka(partitions = 1, topics = {EventRuntimeTestApplication.TOPIC, EventRuntimeTestApplication.TOPIC + ".DLT"})
class EventRuntimeTest {

    private static final EventType WIDGET_CREATED = new EventType("cn.smartunion.test.widget.created.v1",
            EventRuntimeTestApplication.TOPIC, "/none.json", "/event-runtime-test");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "event-runtime-test");
    }

    @Autowired MongoTemplate mongo;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxRelay relay;
    @Autowired OutboxEvents outboxEvents;
    @Autowired OutboxProperties outboxProperties;
    @Autowired EventRuntimeTestApplication.WidgetProjector projector;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired ConsumerFactory<?, ?> consumerFactory;

    @BeforeEach
    void clean() {
        mongo.dropCollection("widgets");
        mongo.dropCollection(EventRuntimeTestApplication.PROJECTION);
    }

    @Test
    void producerIsIdempotentAndWaitsForAllReplicas() {
        Map<String, Object> config = kafka.getProducerFactory().getConfigurationProperties();
        assertThat(String.valueOf(config.get(ProducerConfig.ACKS_CONFIG))).isIn("all", "-1");
        assertThat(String.valueOf(config.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG))).isEqualTo("true");
    }

    @Test
    void relayPublishesCloudEventsKeyedByAggregateInOrderAndRemovesThem() {
        String widgetId = newId();
        OutboxEvent first = event(widgetId, "first");
        OutboxEvent second = event(widgetId, "second");
        saveWidget(widgetId, first, second);

        try (Consumer<String, String> consumer = rawConsumer()) {
            assertThat(relay.relayPending()).isEqualTo(2);
            List<ConsumerRecord<String, String>> records = recordsFor(consumer, widgetId, 2);

            assertThat(records).extracting(ConsumerRecord::key).containsOnly(widgetId);
            assertThat(records).extracting(r -> header(r, CloudEventHeaders.ID)).containsExactly(first.eventId(), second.eventId());
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(WIDGET_CREATED.type());
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/event-runtime-test");
            assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(widgetId);
            assertThat(header(record, CloudEventHeaders.ORG_PATH)).isEqualTo("420000/420300");
            assertThat(header(record, CloudEventHeaders.DATA_SCHEMA)).isEqualTo(WIDGET_CREATED.dataSchema());
            assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
            assertThat(record.value()).isEqualTo("{\"widgetId\":\"" + widgetId + "\",\"name\":\"first\"}");
        }
        assertThat(outboxOf(widgetId)).isEmpty();
        assertThat(relay.relayPending()).isZero();
    }

    @Test
    void onePassDrainsMoreAggregatesThanABatchHoldsEachInOrder() {
        int widgets = outboxProperties.getBatchSize() * 2 + 50;
        List<String> widgetIds = new ArrayList<>();
        Map<String, List<String>> eventIds = new HashMap<>();
        for (int i = 0; i < widgets; i++) {
            String widgetId = newId();
            OutboxEvent first = event(widgetId, "first");
            OutboxEvent second = event(widgetId, "second");
            saveWidget(widgetId, first, second);
            widgetIds.add(widgetId);
            eventIds.put(widgetId, List.of(first.eventId(), second.eventId()));
        }

        try (Consumer<String, String> consumer = rawConsumer()) {
            assertThat(relay.relayPending()).isEqualTo(2 * widgets);
            for (String widgetId : List.of(widgetIds.get(0), widgetIds.get(widgets / 2), widgetIds.get(widgets - 1))) {
                assertThat(outboxOf(widgetId)).isEmpty();
            }
            consumer.subscribe(List.of(EventRuntimeTestApplication.TOPIC));
            Map<String, List<String>> received = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(header(record, CloudEventHeaders.ID));
                }
                return widgetIds.stream().allMatch(id -> received.getOrDefault(id, List.of()).size() >= 2);
            });
            for (String widgetId : widgetIds) {
                assertThat(received.get(widgetId)).as(widgetId).containsExactlyElementsOf(eventIds.get(widgetId));
            }
        }
    }

    @Test
    void aggregatesWithoutPendingEventsAreNotPickedUpAndThePollIsBackedByASparseIndex() {
        String widgetId = newId();
        saveWidget(widgetId);
        // a relay that has not indexed anything yet: the shared one remembers collections this class drops
        var freshRelay = new OutboxRelay(mongo, kafka, outboxProperties, new SimpleMeterRegistry());

        assertThat(freshRelay.relayPending()).isZero();

        assertThat(mongo.indexOps("widgets").getIndexInfo())
                .filteredOn(index -> OutboxRelay.PENDING_INDEX.equals(index.getName()))
                .singleElement()
                .satisfies(index -> {
                    assertThat(index.isSparse()).isTrue();
                    assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("outbox.eventId");
                });
    }

    @Test
    void removalTakesOnlyWhatWasPublishedSoEventsAppendedMeanwhileStay() {
        String widgetId = newId();
        OutboxEvent published = event(widgetId, "published");
        OutboxEvent appendedMeanwhile = event(widgetId, "appended while the relay was publishing");
        saveWidget(widgetId, published);
        mongo.updateFirst(Query.query(where("_id").is(widgetId)),
                new org.springframework.data.mongodb.core.query.Update().push(OutboxEvent.FIELD, appendedMeanwhile),
                "widgets");

        relay.removePublished("widgets", Map.<Object, List<String>>of(widgetId, List.of(published.eventId())));

        assertThat(outboxOf(widgetId)).extracting(d -> d.getString("eventId")).containsExactly(appendedMeanwhile.eventId());
    }

    @Test
    void aRelayCrashBetweenPublishAndRemovalLosesNothingAndTheDuplicateIsAbsorbed() {
        String widgetId = newId();
        OutboxEvent created = event(widgetId, "crash-test");
        saveWidget(widgetId, created);

        OutboxRelay crashingRelay = new OutboxRelay(mongo, kafka, outboxProperties, new SimpleMeterRegistry()) {
            @Override
            protected void removePublished(String collection, Map<Object, List<String>> eventIdsByAggregate) {
                throw new IllegalStateException("relay process killed after publishing");
            }
        };
        try {
            crashingRelay.relayPending();
        } catch (IllegalStateException expected) {
            // the crash: the event is on the broker, and still in the outbox
        }
        assertThat(outboxOf(widgetId)).hasSize(1);

        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(outboxOf(widgetId)).isEmpty();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(projector.deliveredIds).filteredOn(created.eventId()::equals).hasSize(2));
        Document view = projection(widgetId);
        assertThat(view.getString("name")).isEqualTo("crash-test");
        assertThat(view.getInteger("effects")).isEqualTo(1);
    }

    @Test
    void listenersPollFewRecordsFromEachPartitionSoEveryPartitionOfABacklogKeepsMoving() {
        var config = consumerFactory.getConfigurationProperties();
        assertThat(String.valueOf(config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG))).isEqualTo("100");
        assertThat(String.valueOf(config.get(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG))).isEqualTo("16384");
    }

    @Test
    void theSameEventDeliveredThreeTimesHasOneEffect() {
        String widgetId = newId();
        OutboxEvent created = event(widgetId, "thrice");
        for (int i = 0; i < 3; i++) {
            kafka.send(cn.smartunion.runtime.events.CloudEventCodec.toRecord(created));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(projector.deliveredIds).filteredOn(created.eventId()::equals).hasSize(3));
        assertThat(projection(widgetId).getInteger("effects")).isEqualTo(1);
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheNextRecordIsStillProcessed() {
        String poisonKey = newId();
        var poison = new ProducerRecord<String, String>(EventRuntimeTestApplication.TOPIC, poisonKey, "{not json");
        poison.headers().add(CloudEventHeaders.ID, "poison-1".getBytes(StandardCharsets.UTF_8));
        String nextId = newId();
        OutboxEvent next = event(nextId, "after the poison");

        try (Consumer<String, String> deadLetters = rawConsumer()) {
            kafka.send(poison);
            kafka.send(cn.smartunion.runtime.events.CloudEventCodec.toRecord(next));
            kafka.flush();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(projection(nextId)).isNotNull());
            ConsumerRecord<String, String> dead = recordsFor(deadLetters, EventRuntimeTestApplication.TOPIC + ".DLT", poisonKey, 1).get(0);
            assertThat(dead.value()).isEqualTo("{not json");
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).contains("MalformedEventException");
        }
    }

    @Test
    void aRecordThatKeepsFailingIsRetriedABoundedNumberOfTimesThenDeadLettered() {
        String subject = "always-fails-" + newId();
        OutboxEvent failing = event(subject, "never applies");
        String laterId = newId();

        try (Consumer<String, String> deadLetters = rawConsumer()) {
            kafka.send(cn.smartunion.runtime.events.CloudEventCodec.toRecord(failing));
            kafka.send(cn.smartunion.runtime.events.CloudEventCodec.toRecord(event(laterId, "later")));
            kafka.flush();

            ConsumerRecord<String, String> dead = recordsFor(deadLetters, EventRuntimeTestApplication.TOPIC + ".DLT", subject, 1).get(0);
            assertThat(header(dead, CloudEventHeaders.ID)).isEqualTo(failing.eventId());
            assertThat(projector.attemptsBySubject.get(subject)).hasValue(3);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(projection(laterId)).isNotNull());
        }
    }

    private OutboxEvent event(String widgetId, String name) {
        return outboxEvents.create(WIDGET_CREATED, widgetId, "420000/420300",
                new EventRuntimeTestApplication.Widget(widgetId, name));
    }

    private void saveWidget(String widgetId, OutboxEvent... events) {
        mongo.save(new Document("_id", widgetId).append("state", "created")
                .append(OutboxEvent.FIELD, List.of(events)), "widgets");
    }

    private List<Document> outboxOf(String widgetId) {
        Document widget = mongo.findById(widgetId, Document.class, "widgets");
        return widget.getList(OutboxEvent.FIELD, Document.class);
    }

    private Document projection(String widgetId) {
        return mongo.findById(widgetId, Document.class, EventRuntimeTestApplication.PROJECTION);
    }

    private Consumer<String, String> rawConsumer() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "raw-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        return new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer()).createConsumer();
    }

    private List<ConsumerRecord<String, String>> recordsFor(Consumer<String, String> consumer, String key, int expected) {
        return recordsFor(consumer, EventRuntimeTestApplication.TOPIC, key, expected);
    }

    private List<ConsumerRecord<String, String>> recordsFor(Consumer<String, String> consumer, String topic, String key,
                                                           int expected) {
        if (consumer.subscription().isEmpty()) {
            consumer.subscribe(List.of(topic));
        }
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (key.equals(r.key())) {
                    matching.add(r);
                }
            });
            return matching.size() >= expected;
        });
        return matching;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
