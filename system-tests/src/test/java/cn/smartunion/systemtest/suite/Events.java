package cn.smartunion.systemtest.suite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the suite's Kafka topics as an analyst would: from the beginning, with a group of its own. */
public final class Events {

    private final Suite suite;

    public Events(Suite suite) {
        this.suite = suite;
    }

    /** The headers of the first record on the topic whose key is {@code key}, waiting up to 30 s for it. */
    public Map<String, String> awaitHeaders(String topic, String key) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, String> consumer = analyst()) {
            consumer.subscribe(List.of(topic));
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        Map<String, String> headers = new LinkedHashMap<>();
                        for (Header header : record.headers()) {
                            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
                        }
                        return headers;
                    }
                }
            }
        }
        throw new AssertionError("no record with key " + key + " on " + topic + " within 30 s");
    }

    /**
     * Every record on the topics, each as its value followed by its header values: what an analyst could read, for
     * checks that no personal data travels. Reads until the topics stay quiet for two seconds (20 s at most).
     */
    public List<String> readAll(List<String> topics) {
        List<String> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = analyst()) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int idle = 0;
            while (System.nanoTime() < deadline && idle < 4) {
                var records = consumer.poll(Duration.ofMillis(500));
                idle = records.isEmpty() && !events.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    StringBuilder all = new StringBuilder(record.value());
                    for (Header header : record.headers()) {
                        all.append(' ').append(new String(header.value(), StandardCharsets.UTF_8));
                    }
                    events.add(all.toString());
                }
            }
        }
        return events;
    }

    private KafkaConsumer<String, String> analyst() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }
}
