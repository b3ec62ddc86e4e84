package cn.smartunion.membership;

import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.KafkaTestRecords;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.function.Predicate;


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
        return KafkaTestRecords.consumer(broker, topic);
    }

    /** Polls until {@code count} records matching {@code wanted} arrived; returns them in offset order. */
    protected static List<ConsumerRecord<String, String>> awaitRecords(Consumer<String, String> consumer,
                                                                      Predicate<ConsumerRecord<String, String>> wanted,
                                                                      int count) {
        return KafkaTestRecords.awaitRecords(consumer, wanted, count);
    }

    protected static String ceHeader(ConsumerRecord<?, ?> record, String name) {
        return KafkaTestRecords.header(record, name);
    }
}
