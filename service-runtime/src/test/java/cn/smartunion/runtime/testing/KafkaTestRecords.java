package cn.smartunion.runtime.testing;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reading what a service published to EmbeddedKafka: a consumer from the start of a topic, waiting, headers. */
public final class KafkaTestRecords {

    private KafkaTestRecords() {
    }

    /** A consumer of its own group, reading {@code topic} from the earliest offset. */
    public static Consumer<String, String> consumer(EmbeddedKafkaBroker broker, String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until {@code count} records matching {@code wanted} arrived (30 s at most); returns them in offset order. */
    public static List<ConsumerRecord<String, String>> awaitRecords(Consumer<String, String> consumer,
                                                                   Predicate<ConsumerRecord<String, String>> wanted,
                                                                   int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (wanted.test(r)) {
                    found.add(r);
                }
            });
            return found.size() >= count;
        });
        return found;
    }

    /** The last value of a header as text, e.g. {@code ce_type}; null when absent. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
