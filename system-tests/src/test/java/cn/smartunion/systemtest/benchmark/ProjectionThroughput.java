package cn.smartunion.systemtest.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import cn.smartunion.systemtest.suite.ConsumerGroups;
import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * Part 3: how many events a second aid-service's member-records consumer applies, beside Kafka's consumer performance
 * tool on the same topic and the raw driver writing equivalent documents into the same Mongo wire server.
 *
 * <p>With aid-service stopped, {@code n} valid {@code MemberActivated} events (copies of one the suite raised, each with
 * a new member and event id) are published to {@code membership.member.v1}; the topic's other consumers
 * (membership's counts, competition, statistics) read them meanwhile and are waited for. Then aid-service starts and
 * its group's committed offsets are sampled until its lag is 0: the rate counts from the first commit (so neither
 * the JVM's start nor the group join is in it), and again over the second half of the backlog (a warmer JIT).
 */
final class ProjectionThroughput {

    static final String TOPIC = "membership.member.v1";
    static final String GROUP = "aid-service.member-records";
    private static final String ACTIVATED = "member.activated.v1";
    private static final int BATCH = 1_000;

    record Outcome(long events, double seconds, double secondHalfEvents, double secondHalfSeconds,
                   double startToReadySeconds, KafkaTool.ConsumerPerformance tool, double insertManySeconds,
                   double bulkUpsertSeconds, double oneByOneUpsertSeconds) {

        double rate() {
            return events / seconds;
        }

        double secondHalfRate() {
            return secondHalfEvents / secondHalfSeconds;
        }
    }

    private final Suite suite;
    private final Path logs;

    ProjectionThroughput(Suite suite, Path logs) {
        this.suite = suite;
        this.logs = logs;
    }

    /** A group of one of the suite's services, not one of the harness's or Kafka's tools. */
    static boolean isService(String group) {
        return !group.startsWith("performance-harness") && !group.startsWith("perf-consumer");
    }

    Outcome measure(int n) throws Exception {
        ConsumerRecord<String, String> template = activatedEvent();
        try (ConsumerGroups lag = new ConsumerGroups(suite)) {
            lag.awaitNoLag(lag.groups(ProjectionThroughput::isService), Duration.ofMinutes(10));
            suite.stop(Deployable.AID);
            publishCopies(template, n);
            lag.awaitNoLag(lag.groups(group -> isService(group) && !group.equals(GROUP)), Duration.ofMinutes(20));
            long backlog = lag.lag(GROUP, TOPIC);
            System.out.printf("PERFORMANCE projection: %,d events waiting for %s%n", backlog, GROUP);

            long startCalled = System.nanoTime();
            CompletableFuture<Long> ready = CompletableFuture.supplyAsync(() -> {
                suite.start(Deployable.AID);
                return System.nanoTime();
            });
            long firstAt = 0;
            long firstLag = backlog;
            long halfAt = 0;
            long halfLag = 0;
            long end;
            long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
            while (true) {
                long current = lag.lag(GROUP, TOPIC);
                long at = System.nanoTime();
                if (firstAt == 0 && current < backlog) {
                    firstAt = at;
                    firstLag = current;
                }
                if (halfAt == 0 && current <= backlog / 2) {
                    halfAt = at;
                    halfLag = current;
                }
                if (current == 0) {
                    end = at;
                    break;
                }
                if (at > deadline) {
                    throw new IllegalStateException(GROUP + " still " + current + " behind after 20 minutes");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
            long readyAt = ready.get(10, TimeUnit.MINUTES);
            double seconds = (end - firstAt) / 1e9;
            double halfSeconds = (end - halfAt) / 1e9;
            System.out.printf(Locale.ROOT, "PERFORMANCE projection: %,d events in %.1f s after the first commit "
                            + "(%.0f/s), the last %,d in %.1f s (%.0f/s); aid-service ready %.1f s after start%n",
                    firstLag, seconds, firstLag / seconds, halfLag, halfSeconds, halfLag / halfSeconds,
                    (readyAt - startCalled) / 1e9);

            KafkaTool.ConsumerPerformance tool = KafkaTool.consumerPerformance(suite.kafkaBootstrapServers(), TOPIC,
                    n, "performance-harness-" + UUID.randomUUID(), logs);
            System.out.printf(Locale.ROOT, "PERFORMANCE kafka ConsumerPerformance: %s%n", tool.columns());

            double[] raw = rawWrites(n, template);
            return new Outcome(firstLag, seconds, halfLag, halfSeconds, (readyAt - startCalled) / 1e9, tool, raw[0],
                    raw[1], raw[2]);
        }
    }

    /** The first MemberActivated on the topic, as the suite raised it. */
    private ConsumerRecord<String, String> activatedEvent() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "performance-harness-template-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header type = record.headers().lastHeader("ce_type");
                    if (type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith(ACTIVATED)) {
                        return record;
                    }
                }
            }
        }
        throw new IllegalStateException("no MemberActivated on " + TOPIC + " within 60 s");
    }

    /** {@code n} copies of the template, each a new member (its id in the payload, key and subject) and event id. */
    private void publishCopies(ConsumerRecord<String, String> template, int n) throws Exception {
        String memberId = template.key();
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String newMember = UUID.randomUUID().toString();
                RecordHeaders headers = new RecordHeaders();
                for (Header header : template.headers()) {
                    String value = switch (header.key()) {
                        case "ce_id" -> UUID.randomUUID().toString();
                        case "ce_subject" -> newMember;
                        case "ce_time" -> Instant.now().toString();
                        case "traceparent" -> null;
                        default -> new String(header.value(), StandardCharsets.UTF_8);
                    };
                    if (value != null) {
                        headers.add(header.key(), value.getBytes(StandardCharsets.UTF_8));
                    }
                }
                sent.add(producer.send(new ProducerRecord<>(TOPIC, null, newMember,
                        template.value().replace(memberId, newMember), headers)));
            }
            for (var future : sent) {
                future.get();
            }
        }
        System.out.printf(Locale.ROOT, "PERFORMANCE projection: published %,d MemberActivated copies in %.1f s%n", n,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * The projection's documents written by the raw driver into scratch collections of aid's database: insertMany in
     * batches of 1,000; the projection's own conditional upsert, 1,000 to a bulkWrite; and one upsert per round trip
     * (what the listener does per event, without Kafka or Spring). Seconds of each.
     */
    private double[] rawWrites(int n, ConsumerRecord<String, String> template) {
        String orgPath = new String(template.headers().lastHeader("ce_orgpath").value(), StandardCharsets.UTF_8);
        String today = LocalDate.now().toString();
        List<Document> documents = new ArrayList<>(n);
        List<String> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String eventId = UUID.randomUUID().toString();
            events.add(eventId);
            documents.add(new Document("_id", UUID.randomUUID().toString()).append("orgId", "performance")
                    .append("orgPath", orgPath).append("groupTags", List.of())
                    .append("changes", List.of(new Document("standing", "ACTIVE").append("from", today)))
                    .append("appliedEvents", List.of(eventId)));
        }
        try (MongoClient client = MongoClients.create(suite.mongoUri("aid"))) {
            var database = client.getDatabase("aid");
            MongoCollection<Document> inserted = database.getCollection("performance_raw_insert_many");
            MongoCollection<Document> bulk = database.getCollection("performance_raw_bulk_upserts");
            MongoCollection<Document> single = database.getCollection("performance_raw_single_upserts");
            long started = System.nanoTime();
            for (int i = 0; i < n; i += BATCH) {
                inserted.insertMany(documents.subList(i, Math.min(n, i + BATCH)));
            }
            double insertMany = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            List<WriteModel<Document>> models = new ArrayList<>(BATCH);
            for (int i = 0; i < n; i++) {
                models.add(upsert(documents.get(i), events.get(i)));
                if (models.size() == BATCH || i == n - 1) {
                    bulk.bulkWrite(models, new BulkWriteOptions().ordered(true));
                    models.clear();
                }
            }
            double bulkUpserts = (System.nanoTime() - started) / 1e9;

            started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                UpdateOneModel<Document> model = upsert(documents.get(i), events.get(i));
                single.updateOne(model.getFilter(), model.getUpdate(), model.getOptions());
            }
            double oneByOne = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "PERFORMANCE raw driver, %,d documents: insertMany %.2f s, bulkWrite of "
                    + "upserts %.2f s, one upsert at a time %.2f s%n", n, insertMany, bulkUpserts, oneByOne);
            inserted.drop();
            bulk.drop();
            single.drop();
            return new double[] {insertMany, bulkUpserts, oneByOne};
        }
    }

    /** The conditional upsert IdempotentProjection sends for an activation. */
    private static UpdateOneModel<Document> upsert(Document document, String eventId) {
        return new UpdateOneModel<>(
                // as Spring Data renders IdempotentProjection's criteria: one document, not Filters.and's $and
                new Document("_id", document.get("_id")).append("appliedEvents", new Document("$ne", eventId)),
                Updates.combine(Updates.set("orgId", document.get("orgId")),
                        Updates.set("orgPath", document.get("orgPath")),
                        Updates.set("groupTags", document.get("groupTags")),
                        Updates.pushEach("changes", document.getList("changes", Document.class)),
                        Updates.pushEach("appliedEvents", List.of(eventId),
                                new com.mongodb.client.model.PushOptions().slice(-100))),
                new UpdateOptions().upsert(true));
    }
}
