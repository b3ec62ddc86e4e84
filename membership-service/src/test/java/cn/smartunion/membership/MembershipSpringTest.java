package cn.smartunion.membership;

import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The whole service against EmbeddedKafka (KRaft) and the Mongo wire server. Test classes extending this share one
 * application context (and broker): give every test its own codes and ids.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.outbox.poll-interval=50ms",
        "smartunion.events.consumer.retry-interval=50ms",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER,
        Topics.MEMBERSHIP_MEMBER + Topics.DEAD_LETTER_SUFFIX})
public abstract class MembershipSpringTest {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "membership-service-test");
    }

    @Autowired protected EmbeddedKafkaBroker broker;

    protected Consumer<String, String> consumer(String topic) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Polls until {@code count} records matching {@code wanted} arrived; returns them in offset order. */
    protected static List<ConsumerRecord<String, String>> awaitRecords(Consumer<String, String> consumer,
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

    protected static String ceHeader(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
