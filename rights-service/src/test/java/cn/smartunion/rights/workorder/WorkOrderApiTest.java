package cn.smartunion.rights.workorder;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.rights.RightsSpringTest;
import cn.smartunion.rights.workorder.application.WorkOrderDesk;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@Import(WorkOrderApiTest.TestClockConfiguration.class)
@TestPropertySource(properties = {
        "smartunion.rights.calendar.holidays=2026-10-01",
        "smartunion.rights.calendar.make-up-workdays=2026-09-26",
        "smartunion.rights.sla-sweep-interval=1h"})
class WorkOrderApiTest extends RightsSpringTest {

    private static final String PHONE = "13812345678";
    private static final String NAME = "张三丰";
    private static final String SUMMARY = "某建筑公司拖欠工资三个月，联系人李四";

    @Autowired MutableClock clock;
    @Autowired WorkOrderDesk desk;

    @AfterEach
    void resetClock() {
        clock.offset = Duration.ZERO;
    }

    @Test
    void aDispatchedOrderIsSeenByTheCountyAndItsCityOnlyUntilClosed() throws Exception {
        Consumer<String, String> consumer = consumer(Topics.RIGHTS_WORK_ORDER);
        RequestPostProcessor centre = staff(HUBEI, "rights-agent");
        String id = receive(centre, "COMPLAINT", "ORDINARY", PHONE, NAME);
        Jwt yunxiJwt = TestJwts.orgUserJwt(YUNXI, "rights-agent");
        RequestPostProcessor yunxi = TestJwts.authenticated(yunxiJwt);

        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(yunxi)).andExpect(status().isNotFound());
        mvc.perform(post("/api/rights/v1/work-orders/{id}/dispatch", id).with(centre)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toOrgId\":\"" + YUNXI_ID + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.handlingOrgId").value(YUNXI_ID))
                .andExpect(jsonPath("$.activeGrantPaths[0]").value(YUNXI));

        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(yunxi)).andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").value(SUMMARY))
                .andExpect(jsonPath("$.callerPhone").value(org.hamcrest.Matchers.not(PHONE)));
        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.summary").doesNotExist());
        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(staff(ZHUSHAN, "rights-agent")))
                .andExpect(status().isNotFound());
        String zhushanList = mvc.perform(get("/api/rights/v1/work-orders").param("size", "100")
                .with(staff(ZHUSHAN, "rights-agent"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(zhushanList).doesNotContain(id);
        String yunxiList = mvc.perform(get("/api/rights/v1/work-orders").param("size", "100").with(yunxi))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(yunxiList).contains(id).doesNotContain(SUMMARY);
        assertThat(mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("orderId").is(id)
                        .and("subject").is(yunxiJwt.getSubject())), "work_order_access")).isPositive();

        // only the county it went to accepts; the county cannot rate or close
        mvc.perform(post("/api/rights/v1/work-orders/{id}/accept", id).with(staff(SHIYAN, "rights-agent")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/rights/v1/work-orders/{id}/accept", id).with(yunxi)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(post("/api/rights/v1/work-orders/{id}/accept", id).with(yunxi))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(post("/api/rights/v1/work-orders/{id}/notes", id).with(yunxi)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已联系用人单位 13900001111\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.notes[0].text").value("已联系用人单位 13900001111"));
        mvc.perform(post("/api/rights/v1/work-orders/{id}/resolve", id).with(yunxi)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ANSWERED\",\"amountRecoveredFen\":1250000}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.resolution.withinSla").value(true));
        mvc.perform(post("/api/rights/v1/work-orders/{id}/close", id).with(yunxi)).andExpect(status().isForbidden());
        mvc.perform(post("/api/rights/v1/work-orders/{id}/rating", id).with(centre)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":6}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/rights/v1/work-orders/{id}/rating", id).with(centre)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rating\":4}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RATED"));
        mvc.perform(post("/api/rights/v1/work-orders/{id}/close", id).with(centre)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.activeGrantPaths").isEmpty())
                .andExpect(jsonPath("$.grants[0].orgId").value(YUNXI_ID))
                .andExpect(jsonPath("$.grants[0].grantedAt").isNotEmpty())
                .andExpect(jsonPath("$.grants[0].endedAt").isNotEmpty());

        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(yunxi)).andExpect(status().isNotFound());
        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(centre)).andExpect(status().isOk());

        List<ConsumerRecord<String, String>> events = awaitRecords(consumer, r -> id.equals(r.key()), 6);
        assertThat(events).extracting(r -> ceHeader(r, "ce_type")).containsExactly(
                EventTypes.WORK_ORDER_CREATED.type(), EventTypes.WORK_ORDER_DISPATCHED.type(),
                EventTypes.WORK_ORDER_ACCEPTED.type(), EventTypes.WORK_ORDER_RESOLVED.type(),
                EventTypes.WORK_ORDER_RATED.type(), EventTypes.WORK_ORDER_CLOSED.type());
        assertNoPersonalData(events);
        assertThat(JsonPath.<Integer>read(events.get(3).value(), "$.amountRecoveredFen")).isEqualTo(1250000);

        Document stored = mongo.findById(id, Document.class, "work_orders");
        assertThat(stored.toJson()).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("拖欠工资")
                .doesNotContain("13900001111");
        consumer.close();
    }

    @Test
    void aDifficultOrderReceivedOnFridayIsDueAfterTheMakeUpDayAndTheHoliday() throws Exception {
        String body = "{\"orgId\":\"" + HUBEI_ID + "\",\"channel\":\"WEB\",\"category\":\"DISPUTE\","
                + "\"complexity\":\"DIFFICULT\",\"summary\":\"s\",\"receivedAt\":\"2026-09-25T15:00:00+08:00\"}";
        String response = mvc.perform(post("/api/rights/v1/work-orders").with(staff(HUBEI, "rights-agent"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(Instant.parse(JsonPath.read(response, "$.dueAt")))
                .isEqualTo(Instant.parse("2026-10-02T17:30:00+08:00"));
        String id = JsonPath.read(response, "$.id");

        // re-classified as complex: 15 calendar days from the day received, 2026-10-10 is a Saturday → Monday
        mvc.perform(put("/api/rights/v1/work-orders/{id}/classification", id).with(staff(HUBEI, "rights-agent"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"DISPUTE\",\"complexity\":\"COMPLEX\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dueAt").value("2026-10-12T09:30:00Z"));
    }

    @Test
    void anOverdueOrderIsBreachedAndEscalatedExactlyOnce() throws Exception {
        Consumer<String, String> consumer = consumer(Topics.RIGHTS_WORK_ORDER);
        RequestPostProcessor centre = staff(HUBEI, "rights-agent");
        String id = receive(centre, "COMPLAINT", "ORDINARY", null, null);
        mvc.perform(post("/api/rights/v1/work-orders/{id}/dispatch", id).with(centre)
                .contentType(MediaType.APPLICATION_JSON).content("{\"toOrgId\":\"" + YUNXI_ID + "\"}"))
                .andExpect(status().isOk());
        desk.sweepOverdue();
        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(centre))
                .andExpect(jsonPath("$.slaBreached").value(false));

        clock.offset = Duration.ofDays(10);
        // two replicas sweeping at once, then another sweep: one breach
        var sweeps = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = sweeps.submit(desk::sweepOverdue);
            var second = sweeps.submit(desk::sweepOverdue);
            first.get();
            second.get();
        } finally {
            sweeps.shutdown();
        }
        desk.sweepOverdue();

        mvc.perform(get("/api/rights/v1/work-orders/{id}", id).with(centre))
                .andExpect(jsonPath("$.slaBreached").value(true))
                .andExpect(jsonPath("$.escalated").value(true))
                .andExpect(jsonPath("$.escalatedToOrgId").value(SHIYAN_ID));
        mvc.perform(get("/api/rights/v1/work-orders").param("overdue", "true").param("size", "100").with(centre))
                .andExpect(status().isOk());
        // the city it was escalated to now sees it through a grant of its own
        assertThat(mongo.findById(id, Document.class, "work_orders").getList("activeGrantPaths", String.class))
                .containsExactly(YUNXI, SHIYAN);

        List<ConsumerRecord<String, String>> events = awaitRecords(consumer, r -> id.equals(r.key()), 4);
        // nothing more comes for it
        List<ConsumerRecord<String, String>> more = new java.util.ArrayList<>(events);
        more.addAll(pollFor(consumer, id, Duration.ofSeconds(2)));
        assertThat(more).extracting(r -> ceHeader(r, "ce_type")).containsExactly(
                EventTypes.WORK_ORDER_CREATED.type(), EventTypes.WORK_ORDER_DISPATCHED.type(),
                EventTypes.SLA_BREACHED.type(), EventTypes.WORK_ORDER_ESCALATED.type());
        assertNoPersonalData(more);
        assertThat(JsonPath.<String>read(more.get(3).value(), "$.reason")).isEqualTo("SLA_BREACHED");
        assertThat(JsonPath.<Boolean>read(more.get(0).value(), "$.anonymous")).isTrue();
        consumer.close();
    }

    @Test
    void aManualEscalationAndAResolutionAfterTheDeadline() throws Exception {
        RequestPostProcessor centre = staff(HUBEI, "rights-agent");
        String id = receive(centre, "CONSULTATION", "ORDINARY", null, null);
        mvc.perform(post("/api/rights/v1/work-orders/{id}/escalate", id).with(centre))
                .andExpect(status().isOk()).andExpect(jsonPath("$.escalated").value(true))
                .andExpect(jsonPath("$.escalatedToOrgId").doesNotExist());
        clock.offset = Duration.ofDays(10);
        mvc.perform(post("/api/rights/v1/work-orders/{id}/resolve", id).with(centre)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ANSWERED\",\"amountRecoveredFen\":0}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.resolution.withinSla").value(false));
        mvc.perform(put("/api/rights/v1/work-orders/{id}/classification", id).with(centre)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"DISPUTE\",\"complexity\":\"COMPLEX\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:rights-status-conflict"));
    }

    @Test
    void anAidRequestIsReferredOnce() throws Exception {
        Consumer<String, String> consumer = consumer(Topics.RIGHTS_REFERRAL);
        RequestPostProcessor centre = staff(HUBEI, "rights-agent");
        String id = receive(centre, "AID_REQUEST", "ORDINARY", PHONE, null);
        for (String category : List.of("COMPLAINT", "AID_REQUEST")) {
            mvc.perform(put("/api/rights/v1/work-orders/{id}/classification", id).with(centre)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"category\":\"" + category + "\",\"complexity\":\"ORDINARY\"}"))
                    .andExpect(status().isOk());
        }
        List<ConsumerRecord<String, String>> referrals = awaitRecords(consumer,
                r -> r.value().contains(id), 1);
        referrals.addAll(pollFor(consumer, r -> r.value().contains(id), Duration.ofSeconds(2)));
        assertThat(referrals).hasSize(1);
        ConsumerRecord<String, String> referral = referrals.get(0);
        assertThat(ceHeader(referral, "ce_type")).isEqualTo(EventTypes.HARDSHIP_REFERRED.type());
        assertConformsToSchema(ceHeader(referral, "ce_type"), referral.value());
        assertThat(JsonPath.<String>read(referral.value(), "$.source")).isEqualTo("WORK_ORDER");
        assertThat(JsonPath.<String>read(referral.value(), "$.sourceId")).isEqualTo(id);
        assertThat(referral.key()).isEqualTo(JsonPath.<String>read(referral.value(), "$.referralId"));
        assertThat(referral.value()).doesNotContain(PHONE);
        consumer.close();
    }

    @Test
    void badInputAndRetries() throws Exception {
        RequestPostProcessor centre = staff(HUBEI, "rights-agent");
        String unknownCategory = "{\"orgId\":\"" + HUBEI_ID + "\",\"channel\":\"PHONE\",\"category\":\"GOSSIP\","
                + "\"complexity\":\"ORDINARY\",\"summary\":\"s\"}";
        mvc.perform(post("/api/rights/v1/work-orders").with(centre).contentType(MediaType.APPLICATION_JSON)
                .content(unknownCategory)).andExpect(status().isBadRequest());
        String noSummary = "{\"orgId\":\"" + HUBEI_ID + "\",\"channel\":\"PHONE\",\"category\":\"COMPLAINT\","
                + "\"complexity\":\"ORDINARY\"}";
        mvc.perform(post("/api/rights/v1/work-orders").with(centre).contentType(MediaType.APPLICATION_JSON)
                .content(noSummary)).andExpect(status().isBadRequest());
        String badPhone = "{\"orgId\":\"" + HUBEI_ID + "\",\"channel\":\"PHONE\",\"category\":\"COMPLAINT\","
                + "\"complexity\":\"ORDINARY\",\"summary\":\"s\",\"callerPhone\":\"call me\"}";
        mvc.perform(post("/api/rights/v1/work-orders").with(centre).contentType(MediaType.APPLICATION_JSON)
                .content(badPhone)).andExpect(status().isBadRequest());
        // a county agent cannot take in orders for the province; an analyst cannot take in at all
        mvc.perform(post("/api/rights/v1/work-orders").with(staff(YUNXI, "rights-agent"))
                .contentType(MediaType.APPLICATION_JSON).content(body("COMPLAINT", "ORDINARY", null, null)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/rights/v1/work-orders").with(staff(HUBEI, "analyst"))
                .contentType(MediaType.APPLICATION_JSON).content(body("COMPLAINT", "ORDINARY", null, null)))
                .andExpect(status().isForbidden());

        String id = receive(centre, "COMPLAINT", "ORDINARY", null, null);
        // dispatch to a union not below the handler, and a status conflict
        mvc.perform(post("/api/rights/v1/work-orders/{id}/dispatch", id).with(centre)
                .contentType(MediaType.APPLICATION_JSON).content("{\"toOrgId\":\"" + HUBEI_ID + "\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/rights/v1/work-orders/{id}/accept", id).with(centre))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("RECEIVED"));

        // a retried intake with the same Idempotency-Key takes one order
        Jwt agent = TestJwts.orgUserJwt(HUBEI, "rights-agent");
        String key = unique("intake-retry");
        String first = mvc.perform(post("/api/rights/v1/work-orders").with(TestJwts.authenticated(agent))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(body("COMPLAINT", "ORDINARY", null, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String second = mvc.perform(post("/api/rights/v1/work-orders").with(TestJwts.authenticated(agent))
                        .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                        .content(body("COMPLAINT", "ORDINARY", null, null)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(second, "$.id")).isEqualTo(JsonPath.<String>read(first, "$.id"));
    }

    private String receive(RequestPostProcessor who, String category, String complexity, String phone, String name)
            throws Exception {
        String response = mvc.perform(post("/api/rights/v1/work-orders").with(who)
                        .contentType(MediaType.APPLICATION_JSON).content(body(category, complexity, phone, name)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.anonymous").value(phone == null && name == null))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private static String body(String category, String complexity, String phone, String name) {
        return "{\"orgId\":\"" + HUBEI_ID + "\",\"channel\":\"PHONE\",\"category\":\"" + category
                + "\",\"complexity\":\"" + complexity + "\",\"summary\":\"" + SUMMARY + "\""
                + (phone == null ? "" : ",\"callerPhone\":\"" + phone + "\"")
                + (name == null ? "" : ",\"callerName\":\"" + name + "\"") + "}";
    }

    private static void assertNoPersonalData(List<ConsumerRecord<String, String>> events) {
        for (ConsumerRecord<String, String> event : events) {
            assertConformsToSchema(ceHeader(event, "ce_type"), event.value());
            assertThat(event.value()).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("拖欠工资")
                    .doesNotContain("summary");
        }
    }

    private static List<ConsumerRecord<String, String>> pollFor(Consumer<String, String> consumer, String key,
                                                                Duration duration) {
        return pollFor(consumer, r -> key.equals(r.key()), duration);
    }

    private static List<ConsumerRecord<String, String>> pollFor(
            Consumer<String, String> consumer, java.util.function.Predicate<ConsumerRecord<String, String>> wanted,
            Duration duration) {
        List<ConsumerRecord<String, String>> found = new java.util.ArrayList<>();
        Instant until = Instant.now().plus(duration);
        while (Instant.now().isBefore(until)) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (wanted.test(r)) {
                    found.add(r);
                }
            });
        }
        return found;
    }

    /** Real time plus an offset the test moves forward. */
    static final class MutableClock extends Clock {
        volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClockConfiguration {

        @Bean
        @Primary
        MutableClock mutableTestClock() {
            return new MutableClock();
        }
    }
}
