package cn.smartunion.runtime.testing;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.OrgDissolved;
import cn.smartunion.contracts.membership.OrgMoved;
import cn.smartunion.contracts.membership.OrgRegistered;
import cn.smartunion.contracts.membership.OrgUpdated;
import cn.smartunion.runtime.events.CloudEventCodec;
import cn.smartunion.runtime.orgdirectory.OrgDirectory;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every service that follows the union tree must do with membership-service's organisation events, checked
 * against EmbeddedKafka and the Mongo wire server: keep its own copy from {@code OrgRegistered}, follow
 * {@code OrgUpdated}, re-path a moved subtree on {@code OrgMoved}, mark units dissolved on {@code OrgDissolved}, apply
 * a redelivered event once, and answer reads only within the caller's subtree. A service's test extends this and
 * names its API path.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, topics = {Topics.MEMBERSHIP_ORG})
public abstract class OrgDirectoryConsumerContract {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        MongoWireServer.registerUri(registry, "org-directory-" + UUID.randomUUID());
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired OutboxEvents outboxEvents;
    @Autowired MongoTemplate mongo;

    /** e.g. {@code /api/aid/v1} */
    protected abstract String apiPath();

    @Test
    void orgRegisteredEventsBuildAScopedCopyOfTheTreeAndRedeliveriesHaveNoEffect() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String city = "420000/C" + run;
        OutboxEvent cityRegistered = registered("city-" + run, city);
        OutboxEvent countyA = registered("county-a-" + run, city + "/A");
        OutboxEvent countyB = registered("county-b-" + run, city + "/B");
        for (OutboxEvent event : List.of(cityRegistered, countyA, countyB, countyA, countyA)) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(apiPath() + "/org-directory/county-b-" + run).with(orgUser(city, "union-staff")))
                        .andExpect(status().isOk()));

        mvc.perform(get(apiPath() + "/org-directory/county-a-" + run).with(orgUser(city + "/A", "union-staff")))
                .andExpect(status().isOk());
        mvc.perform(get(apiPath() + "/org-directory/county-b-" + run).with(orgUser(city + "/A", "union-staff")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String page = mvc.perform(get(apiPath() + "/org-directory?size=50").with(orgUser(city, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<String> paths = JsonPath.read(page, "$.items[*].path");
        assertThat(paths).containsExactly(city, city + "/A", city + "/B");
        mvc.perform(get(apiPath() + "/org-directory")).andExpect(status().isUnauthorized());

        // the same event delivered three times: applied once
        Document copy = mongo.findById("county-a-" + run, Document.class, OrgDirectory.COLLECTION);
        assertThat(copy.getList("appliedEvents", String.class)).containsExactly(countyA.eventId());
    }

    @Test
    void updatesMovesAndDissolutionsKeepTheCopyInStepAndRedeliveriesHaveNoEffect() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String city = "420000/M" + run;
        String a = "a-" + run;
        String x = "x-" + run;
        String y = "y-" + run;
        List<OutboxEvent> tree = List.of(
                registered("city-" + run, null, city),
                registered(a, "city-" + run, city + "/A"),
                registered("b-" + run, "city-" + run, city + "/B"),
                registered(x, a, city + "/A/X"),
                registered(y, x, city + "/A/X/Y"));
        OutboxEvent renamed = outboxEvents.create(EventTypes.ORG_UPDATED, x, city + "/A/X",
                new OrgUpdated(x, city + "/A/X", "快递物流行业联合工会", List.of("G6020"), List.of(), null, 120, null, null,
                        List.of("name", "industryCodes", "employeeCount"), 1, Instant.now()));
        OutboxEvent moved = outboxEvents.create(EventTypes.ORG_MOVED, a, city + "/B/A",
                new OrgMoved(a, "city-" + run, "b-" + run, city + "/A", city + "/B/A", 1, Instant.now()));
        OutboxEvent dissolved = outboxEvents.create(EventTypes.ORG_DISSOLVED, y, city + "/B/A/X/Y",
                new OrgDissolved(y, city + "/B/A/X/Y", "ENTERPRISE_CLOSED", LocalDate.now(), 1, Instant.now()));
        for (OutboxEvent event : tree) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        for (OutboxEvent event : List.of(renamed, moved, dissolved, moved, renamed)) {
            kafka.send(CloudEventCodec.toRecord(event));
        }
        kafka.flush();

        String bSubtree = city + "/B";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(apiPath() + "/org-directory/" + y).with(orgUser(bSubtree, "union-staff")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.path").value(city + "/B/A/X/Y"))
                        .andExpect(jsonPath("$.dissolved").value(true)));

        mvc.perform(get(apiPath() + "/org-directory/" + x).with(orgUser(bSubtree, "union-staff")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("快递物流行业联合工会"))
                .andExpect(jsonPath("$.parentId").value(a));
        mvc.perform(get(apiPath() + "/org-directory/" + a).with(orgUser(bSubtree, "union-staff")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentId").value("b-" + run));
        // the old place no longer covers the moved subtree
        mvc.perform(get(apiPath() + "/org-directory/" + x).with(orgUser(city + "/A", "union-staff")))
                .andExpect(status().isNotFound());

        String active = mvc.perform(get(apiPath() + "/org-directory?size=50").with(orgUser(bSubtree, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(active, "$.items[*].path"))
                .containsExactly(city + "/B", city + "/B/A", city + "/B/A/X");
        String all = mvc.perform(get(apiPath() + "/org-directory?size=50&includeDissolved=true")
                        .with(orgUser(bSubtree, "union-staff")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<Integer>read(all, "$.totalItems")).isEqualTo(4);

        Document movedCopy = mongo.findById(a, Document.class, OrgDirectory.COLLECTION);
        assertThat(movedCopy.getList("appliedEvents", String.class)).containsOnlyOnce(moved.eventId());
        assertThat(movedCopy).doesNotContainKey("rescope");
    }

    private OutboxEvent registered(String orgId, String path) {
        return registered(orgId, null, path);
    }

    private OutboxEvent registered(String orgId, String parentId, String path) {
        String code = path.substring(path.lastIndexOf('/') + 1);
        return outboxEvents.create(EventTypes.ORG_REGISTERED, orgId, path,
                new OrgRegistered(orgId, code, "工会 " + code, "GRASSROOTS_UNION", parentId, path, null, Instant.now()));
    }
}
