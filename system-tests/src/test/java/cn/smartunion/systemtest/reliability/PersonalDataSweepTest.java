package cn.smartunion.systemtest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability scenario 7 (issue 10): after every other system test of the JVM (class order, see
 * {@code junit-platform.properties}), every citizen ID and mobile number the system tests used ({@link People#issued()}
 * and the fixed ones written in the tests' sources) is looked for in the Mongo wire server's H2 MVStore file, in the
 * Kafka broker's data folder (raw, and record by record through Kafka's decoder) and in every log of the suite: 0
 * plaintext hits. Any other Hubei-looking ID number (valid date and check digit) found on disk fails the sweep too, so
 * IDs made up outside {@link People} are covered.
 *
 * <p>The scan is shown to see what it must: a control value shaped like an ID number (region 990000, which does not
 * exist) is written through the wire protocol into a scratch database and sent to a scratch topic in a gzip-compressed
 * batch; the sweep must find it in the MVStore file and in the decoded Kafka records. (The MVStore is opened without
 * compression by local-run's MongoWireServer, and the services' producers leave {@code compression.type} at none; the
 * control keeps the sweep honest if either changes.)
 */
@Order(Integer.MAX_VALUE)
class PersonalDataSweepTest {

    private static final Pattern FIXED_ID = Pattern.compile("\"(\\d{17}[\\dX])\"");
    private static final Pattern FIXED_PHONE = Pattern.compile("\"(1[3-9]\\d{9})\"");

    @Test
    void noIdOrPhoneNumberTheTestsUsedLiesInPlaintextInTheStoresTheBrokerOrTheLogs() {
        Suite suite = Suite.shared();
        Path work = Path.of(System.getProperty("smartunion.suite.work", "target/suite")).toAbsolutePath();
        String control = controlValue();
        plantInMongo(suite, control);
        plantInKafka(suite, control);

        Set<String> values = new TreeSet<>(People.issued());
        values.addAll(fixedValuesInTheTests(Path.of("src/test/java")));
        Set<String> searched = new TreeSet<>(values);
        searched.add(control);

        Path mongo = work.resolve("data/mongo");
        Path kafka = work.resolve("data/kafka");
        Path logs = work.resolve("logs");
        // the MVStore writes its chunks about a second after a change: wait until the control is on disk
        PlaintextScan.Findings store = await("the control value reaches the MVStore file")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> new PlaintextScan(searched).files(mongo).findings(), f -> f.hits.containsKey(control));
        PlaintextScan.Findings broker = await("the control value reaches the Kafka log")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> new PlaintextScan(searched).files(kafka).kafkaRecords(kafka).findings(),
                        f -> f.hits.getOrDefault(control, List.of()).stream().anyMatch(w -> w.endsWith("(records)")));
        PlaintextScan.Findings logFiles = new PlaintextScan(searched).files(logs).findings();

        long controlInRawKafka = broker.hits.get(control).stream().filter(w -> !w.endsWith("(records)")).count();
        System.out.printf("RELIABILITY personal-data-sweep: %d values (%d citizen IDs, %d phone numbers), %d files, "
                        + "%d bytes (MVStore %d files %d bytes, Kafka %d files %d bytes %d batches by compression %s, "
                        + "logs %d files %d bytes); control found in the MVStore %s, in decoded Kafka records "
                        + "(gzip batch; in raw segment bytes: %s)%n", values.size(),
                values.stream().filter(v -> v.length() == 18).count(),
                values.stream().filter(v -> v.length() == 11).count(),
                store.files + broker.files + logFiles.files, store.bytes + broker.bytes + logFiles.bytes,
                store.files, store.bytes, broker.files, broker.bytes, broker.kafkaBatches, broker.batchCompression,
                logFiles.files, logFiles.bytes, store.hits.containsKey(control) ? "yes" : "no",
                controlInRawKafka > 0 ? "yes" : "no");

        int hits = 0;
        for (PlaintextScan.Findings findings : List.of(store, broker, logFiles)) {
            findings.hits.remove(control);
            hits += findings.hits.size();
            findings.hits.forEach((value, where) -> System.out.printf("RELIABILITY personal-data-sweep HIT %s…: %s%n",
                    value.substring(0, 4), where));
            findings.idShaped.keySet().removeAll(Set.of(control));
            findings.idShaped.forEach((value, where) -> System.out.printf(
                    "RELIABILITY personal-data-sweep ID-SHAPED %s…: %s%n", value.substring(0, 6), where));
        }
        System.out.printf("RELIABILITY personal-data-sweep: %d plaintext hits, %d other Hubei ID numbers%n", hits,
                store.idShaped.size() + broker.idShaped.size() + logFiles.idShaped.size());

        assertThat(values).as("values the tests used").isNotEmpty();
        assertThat(logFiles.files).as("service logs").isPositive();
        assertThat(store.hits).as("plaintext in the MVStore file").isEmpty();
        assertThat(broker.hits).as("plaintext in the Kafka data").isEmpty();
        assertThat(logFiles.hits).as("plaintext in the logs").isEmpty();
        assertThat(store.idShaped).as("ID numbers in the MVStore file").isEmpty();
        assertThat(broker.idShaped).as("ID numbers in the Kafka data").isEmpty();
        assertThat(logFiles.idShaped).as("ID numbers in the logs").isEmpty();
    }

    /** Shaped like a citizen ID number (valid date and check digit) of a region that does not exist, 990000. */
    private static String controlValue() {
        long random = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1000);
        String first17 = "990000" + "19800101" + String.format("%03d", random);
        return first17 + PlaintextScan.CitizenIds.checkDigit(first17);
    }

    private static void plantInMongo(Suite suite, String control) {
        try (MongoClient client = MongoClients.create(suite.mongoUri("reliability-sweep-control"))) {
            client.getDatabase("reliability-sweep-control").getCollection("controls")
                    .insertOne(new Document("control", control));
        }
    }

    private static void plantInKafka(Suite suite, String control) {
        String topic = "reliability.sweep-control.v1";
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        catch (Exception e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        }
        Properties producer = new Properties();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        producer.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        try (KafkaProducer<String, String> sender = new KafkaProducer<>(producer, new StringSerializer(),
                new StringSerializer())) {
            // a batch of several records, so gzip has something to compress and the value is not left readable
            for (int i = 0; i < 20; i++) {
                sender.send(new ProducerRecord<>(topic, "control", i == 7 ? "{\"control\":\"" + control + "\"}"
                        : "{\"filler\":\"" + "工会".repeat(50) + i + "\"}"));
            }
            sender.flush();
        }
    }

    /** ID and phone numbers written as literals in the system tests (the people made up by {@link People} aside). */
    private static Set<String> fixedValuesInTheTests(Path sources) {
        Set<String> fixed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern pattern : List.of(FIXED_ID, FIXED_PHONE)) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        String value = matcher.group(1);
                        if (value.length() == 11 || PlaintextScan.CitizenIds.looksReal(value)) {
                            fixed.add(value);
                        }
                    }
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixed;
    }
}
