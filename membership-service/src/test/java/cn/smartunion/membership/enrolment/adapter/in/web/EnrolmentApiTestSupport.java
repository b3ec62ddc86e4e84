package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.contracts.Topics;
import cn.smartunion.membership.enrolment.ControllableRosterEnrolment;
import cn.smartunion.membership.enrolment.EnrolmentTestConfiguration;
import cn.smartunion.membership.enrolment.RosterGenerator;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One application context for every enrolment API test: the real service on mongo-java-server and an embedded
 * KRaft broker, small limits (3 MB, 12,000 rows) so the limit tests stay small, and the real member
 * register wrapped in test handles (EnrolmentTestConfiguration).
 */
@SpringBootTest(properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "smartunion.outbox.poll-interval=50ms",
        "smartunion.enrolment.max-file-size=3MB",
        "smartunion.enrolment.max-rows=12000",
        "smartunion.enrolment.checkpoint-every=500",
        "smartunion.enrolment.poll-interval=100ms",
        "smartunion.enrolment.lease=30s",
        "smartunion.enrolment.lease-check-interval=20ms",
        "smartunion.enrolment.retry-after=100ms",
        "smartunion.enrolment.max-attempts=3",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = Topics.MEMBERSHIP_ENROLMENT)
@Import(EnrolmentTestConfiguration.class)
abstract class EnrolmentApiTestSupport {

    static final String BASE = "/api/membership/v1/enrolment-jobs";
    static final String SHIYAN = "420000/420300";
    static final String YUNXI = "420000/420300/420322";
    static final String ZHUSHAN = "420000/420300/420323";
    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One generator for the whole context, so no two tests ever share a person by chance. */
    static final RosterGenerator PEOPLE = new RosterGenerator(20260501L);

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "membership-enrolment-test");
    }

    @Autowired MockMvc mvc;
    @Autowired OrgRegistration registration;
    @Autowired MongoTemplate mongo;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired ControllableRosterEnrolment register;

    OrgUnit yunxi;
    OrgUnit zhushan;
    OrgUnit yunxiLogistics;

    @BeforeEach
    void demoTree() {
        registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        registration.registerChildIfAbsent(new OrgPath("420000"), "420300", "十堰市总工会", OrgType.CITY_FEDERATION);
        yunxi = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420322", "郧西县总工会",
                OrgType.COUNTY_FEDERATION);
        zhushan = registration.registerChildIfAbsent(new OrgPath(SHIYAN), "420323", "竹山县总工会",
                OrgType.COUNTY_FEDERATION);
        yunxiLogistics = registration.registerChildIfAbsent(new OrgPath(YUNXI), "Y0001", "郧西县快递物流行业联合工会",
                OrgType.JOINT_UNION);
        register.failAt(0);
    }

    ResultActions upload(byte[] content, String fileName, String contentType, String orgId, String callerPath,
                         String... roles) throws Exception {
        return mvc.perform(multipart(BASE).file(new MockMultipartFile("file", fileName, contentType, content))
                .param("orgId", orgId).param("joinChannel", "COLLECTIVE_REGISTRATION")
                .with(orgUser(callerPath, roles)));
    }

    /** Uploads as Yunxi county staff into Yunxi and returns the new job's id. */
    String submit(byte[] content, String fileName, String contentType) throws Exception {
        String body = upload(content, fileName, contentType, yunxi.id(), YUNXI, "union-staff")
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    String job(String id) throws Exception {
        return mvc.perform(get(BASE + "/" + id).with(orgUser(YUNXI, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    String awaitStatus(String id, String status) {
        String[] last = new String[1];
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = job(id);
            return status.equals(JsonPath.read(last[0], "$.status"));
        });
        return last[0];
    }

    static int intAt(String json, String path) {
        return ((Number) JsonPath.read(json, path)).intValue();
    }
}
