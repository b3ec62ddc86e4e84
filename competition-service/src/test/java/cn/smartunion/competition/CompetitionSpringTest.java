package cn.smartunion.competition;

import cn.smartunion.competition.members.adapter.out.mongo.MongoMemberDirectory;
import cn.smartunion.competition.members.domain.MemberStanding;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.testing.DemoTree;
import cn.smartunion.runtime.testing.KafkaTestRecords;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwts;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;


/**
 * competition-service as it runs: EmbeddedKafka (KRaft), the Mongo wire server, the outbox relay, and an org directory holding
 * Hubei / Shiyan / Yunxi and Zhushan counties. Test classes extending it share one application context: give every
 * test its own programme codes and ids ({@link #unique(String)}).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.outbox.poll-interval=50ms",
        "smartunion.events.consumer.retry-interval=50ms",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER,
        Topics.COMPETITION_COMPETITION, Topics.COMPETITION_ENTRY, Topics.COMPETITION_JUDGING, Topics.COMPETITION_HONOUR,
        Topics.COMPETITION_INNOVATION})
public abstract class CompetitionSpringTest {

    protected static final String HUBEI = DemoTree.HUBEI;
    protected static final String SHIYAN = DemoTree.SHIYAN;
    protected static final String YUNXI = DemoTree.YUNXI;
    protected static final String ZHUSHAN = DemoTree.ZHUSHAN;
    protected static final String HUBEI_ID = DemoTree.HUBEI_ID;
    protected static final String SHIYAN_ID = DemoTree.SHIYAN_ID;
    protected static final String YUNXI_ID = DemoTree.YUNXI_ID;
    protected static final String ZHUSHAN_ID = DemoTree.ZHUSHAN_ID;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "competition-service-test");
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected MongoTemplate mongo;
    @Autowired protected EmbeddedKafkaBroker broker;
    @Autowired protected OrgDirectory orgDirectory;
    @Autowired protected MongoMemberDirectory memberDirectory;

    @BeforeEach
    void demoTree() {
        DemoTree.registerIn(orgDirectory);
    }

    /** {@code prefix} plus a random suffix, e.g. {@code ORDER-3F9A2C}. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /**
     * A member as membership-service's events would have reported them: active in the grassroots union at
     * {@code orgPath} (its last segment as org id, e.g. {@code org-Y0001}), working for {@code employerCreditCode}
     * (may be null). Returns the new member id.
     */
    protected String member(String orgPath, String employerCreditCode, String... groupTags) {
        String memberId = unique("m");
        String orgId = "org-" + orgPath.substring(orgPath.lastIndexOf('/') + 1);
        memberDirectory.activated(unique("ev"), memberId, orgId, orgPath, List.of(groupTags), employerCreditCode);
        return memberId;
    }

    /** Links the member to a signed-in account, as {@code member.account-linked.v1} does. */
    protected void linkAccount(String memberId, String accountSubject) {
        memberDirectory.accountLinked(unique("ev"), memberId, accountSubject);
    }

    protected void terminate(String memberId) {
        memberDirectory.standingChanged(unique("ev"), memberId, null, null, MemberStanding.TERMINATED);
    }

    /** A signed-in worker with the {@code member} role and the given Keycloak subject. */
    protected static RequestPostProcessor worker(String subject, String orgPath) {
        return TestJwts.user(subject, orgPath, "member");
    }

    /** A staff member of the union at {@code orgPath} with the given realm roles (a fresh subject each call). */
    protected static RequestPostProcessor staff(String orgPath, String... roles) {
        return TestJwts.orgUser(orgPath, roles);
    }

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
