package cn.smartunion.aid;

import cn.smartunion.aid.eligibility.adapter.out.mongo.MongoMemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.testing.DemoTree;
import cn.smartunion.runtime.testing.KafkaTestRecords;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwts;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * aid-service as it runs: EmbeddedKafka (KRaft), the Mongo wire server, the outbox relay, and an org directory holding
 * Hubei / Shiyan / Yunxi and Zhushan counties. Test classes extending it share one application context: give every
 * test its own programme codes and ids ({@link #unique(String)}).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.outbox.poll-interval=50ms",
        "smartunion.events.consumer.retry-interval=50ms",
        "smartunion.aid.approval.county-limit-fen=500000",
        "smartunion.aid.approval.city-limit-fen=5000000",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG, Topics.MEMBERSHIP_MEMBER, Topics.AID_CASE,
        Topics.AID_CAMPAIGN, Topics.AID_APPLICATION, Topics.AID_DISBURSEMENT, Topics.AID_MUTUAL_AID,
        Topics.RIGHTS_REFERRAL, Topics.COMPETITION_HONOUR})
public abstract class AidSpringTest {

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
        MongoWireServer.registerUri(registry, "aid-service-test");
    }

    @Autowired protected MockMvc mvc;
    @Autowired protected MongoTemplate mongo;
    @Autowired protected EmbeddedKafkaBroker broker;
    @Autowired protected OrgDirectory orgDirectory;
    @Autowired protected MongoMemberRecords memberRecords;

    @BeforeEach
    void demoTree() {
        DemoTree.registerIn(orgDirectory);
    }

    /** {@code prefix} plus a random suffix, e.g. programme codes {@code SCHOOL-3F9A2C}. */
    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A staff member of the union at {@code orgPath} with the given realm roles (a fresh subject each call). */
    protected static RequestPostProcessor staff(String orgPath, String... roles) {
        return TestJwts.orgUser(orgPath, roles);
    }

    /** A member record as membership-service's events would leave it: active from {@code since}. */
    protected String activeMember(String orgId, String orgPath, LocalDate since, String... groupTags) {
        String memberId = "m-" + UUID.randomUUID();
        memberRecords.activated(UUID.randomUUID().toString(), memberId, orgId, orgPath, List.of(groupTags), since);
        return memberId;
    }

    protected void changeStanding(String memberId, MemberStanding standing, LocalDate from) {
        memberRecords.standingChanged(UUID.randomUUID().toString(), memberId, null, null, standing, from);
    }

    /** Defines a programme owned by Hubei through the API and returns its code. */
    protected String programme(String prefix, String kind, String cycleKind, boolean oncePerCycle,
                               String eligibilityJson) throws Exception {
        String code = unique(prefix);
        mvc.perform(post("/api/aid/v1/programmes").with(staff(HUBEI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"code":"%s","name":"%s","kind":"%s","ownerOrgId":"%s","cycleKind":"%s",
                                 "oncePerCycle":%s,"eligibility":%s}""".formatted(code, prefix, kind, HUBEI_ID,
                                cycleKind, oncePerCycle, eligibilityJson)))
                .andExpect(status().isCreated());
        return code;
    }

    /** Opens a budget line through the API and returns its id. */
    protected String budgetLine(String programmeCode, String orgId, String orgPath, String cycle, long allocatedFen)
            throws Exception {
        String body = mvc.perform(post("/api/aid/v1/budget-lines").with(staff(orgPath, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"programmeCode":"%s","orgId":"%s","cycle":"%s","fundingSource":"OWN_FUNDS",
                                 "title":"test","allocatedFen":%d}""".formatted(programmeCode, orgId, cycle,
                                allocatedFen)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
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
