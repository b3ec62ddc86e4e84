package cn.smartunion.membership.member;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
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
 * The membership service as it runs: real Kafka (embedded, KRaft), the MongoDB wire server, the outbox relay, and the
 * demo tree Hubei / Shiyan / Yunxi and Zhushan counties, and a {@link TestClock} tests may move forward. Test
 * classes extending it share one application context.
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.outbox.poll-interval=50ms",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER, Topics.COMPETITION_HONOUR})
@Import(TestClock.Config.class)
public abstract class MemberServiceTestSupport {

    protected static final String DATABASE = "membership-member-test";
    protected static final String HUBEI = "420000";
    protected static final String SHIYAN = "420000/420300";
    protected static final String YUNXI = "420000/420300/420322";
    protected static final String ZHUSHAN = "420000/420300/420323";

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, DATABASE);
    }

    @Autowired protected OrgRegistration orgRegistration;
    @Autowired protected EmbeddedKafkaBroker broker;
    @Autowired protected TestClock clock;

    protected OrgUnit hubei;
    protected OrgUnit shiyan;
    protected OrgUnit yunxi;
    protected OrgUnit zhushan;

    @BeforeEach
    void demoTree() {
        hubei = orgRegistration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        shiyan = orgRegistration.registerChildIfAbsent(new OrgPath(HUBEI), "420300", "十堰市总工会",
                OrgType.CITY_FEDERATION);
        yunxi = orgRegistration.registerChildIfAbsent(new OrgPath(SHIYAN), "420322", "郧西县总工会",
                OrgType.COUNTY_FEDERATION);
        zhushan = orgRegistration.registerChildIfAbsent(new OrgPath(SHIYAN), "420323", "竹山县总工会",
                OrgType.COUNTY_FEDERATION);
    }

    @AfterEach
    void clockBackToNow() {
        clock.reset();
    }

    protected Consumer<String, String> memberEvents() {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "member-test-" + UUID.randomUUID(), false);
        props.put("auto.offset.reset", "earliest");
        Consumer<String, String> consumer = new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(),
                new StringDeserializer()).createConsumer();
        consumer.subscribe(List.of(Topics.MEMBERSHIP_MEMBER));
        return consumer;
    }

    /** Polls until the records with this key satisfy {@code done}; returns them in offset order. */
    protected static List<ConsumerRecord<String, String>> awaitRecords(Consumer<String, String> consumer, String key,
            Predicate<List<ConsumerRecord<String, String>>> done) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (key.equals(r.key())) {
                    found.add(r);
                }
            });
            return done.test(found);
        });
        return found;
    }

    protected static String ceHeader(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
