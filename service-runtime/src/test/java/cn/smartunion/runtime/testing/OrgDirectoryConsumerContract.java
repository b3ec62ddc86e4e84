package cn.smartunion.runtime.testing;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.OrgRegistered;
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
import java.util.List;
import java.util.UUID;

import static cn.smartunion.runtime.testing.TestJwts.orgUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every service that follows the union tree must do with membership-service's {@code OrgRegistered} events,
 * checked against EmbeddedKafka and the Mongo wire server: keep its own copy, apply a redelivered event once, and
 * answer reads only within the caller's subtree. A service's test extends this and names its API path.
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

    private OutboxEvent registered(String orgId, String path) {
        String code = path.substring(path.lastIndexOf('/') + 1);
        return outboxEvents.create(EventTypes.ORG_REGISTERED, orgId, path,
                new OrgRegistered(orgId, code, "工会 " + code, "GRASSROOTS_UNION", null, path, null, Instant.now()));
    }
}
