package cn.smartunion.rights.dispute.adapter.in.web;

import cn.smartunion.contracts.Topics;
import cn.smartunion.rights.RightsSpringTest;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestCreditCodes;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class DisputeCaseApiTest extends RightsSpringTest {

    private static final String CASES = "/api/rights/v1/dispute-cases";
    private static final String WORKER_NAME = "张德彪";
    private static final String EMPLOYER_NAME = "郧西县鑫源建筑劳务有限公司";

    private final RequestPostProcessor agent = staff(YUNXI, "rights-agent");

    @Test
    void legalAidFailedMediationArbitrationAndAnAgreedCaseGiveTheRatesFromTheEventsAlone() throws Exception {
        Consumer<String, String> events = consumer(Topics.RIGHTS_DISPUTE);
        String idNumber = TestCitizenIds.adult();
        String employerCode = TestCreditCodes.valid();
        String referred = open(idNumber, WORKER_NAME, employerCode, 1);

        act(referred, "legal-aid", "{\"lawyerId\":\"lawyer-0042\",\"grantedOn\":\"%s\"}".formatted(today()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.legalAid.lawyerId").value("lawyer-0042"));
        act(referred, "legal-aid", "{\"lawyerId\":\"lawyer-0043\",\"grantedOn\":\"%s\"}".formatted(today()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("OPEN"));
        act(referred, "mediation-sessions", session("UNION", "UNION", "EMPLOYER", "HR_ARBITRATION"),
                staff(YUNXI, "mediator"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_MEDIATION"));
        act(referred, "mediation-failure", "{\"failedOn\":\"%s\"}".formatted(today()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEDIATION_FAILED"));
        act(referred, "referral", "{\"toBody\":\"ARBITRATION\",\"referredOn\":\"%s\",\"reference\":\"YX-ARB-7\"}"
                .formatted(today())).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFERRED"));
        act(referred, "outcome", "{\"outcome\":\"裁决支付拖欠工资\",\"awardedFen\":320000}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.referral.awardedFen").value(320000))
                .andExpect(jsonPath("$.referral.outcome").value("裁决支付拖欠工资"));
        act(referred, "closure", closure("ARBITRATION_AWARD", 300_000, 1))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.closure.followUpDueOn").value(today().plusDays(90).toString()));
        act(referred, "mediation-sessions", session("UNION", "UNION"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.status").value("CLOSED"));
        act(referred, "follow-up", followUp(false)).andExpect(status().isOk());
        act(referred, "follow-up", followUp(false)).andExpect(status().isConflict());

        String agreed = open(TestCitizenIds.adult(), "李小红", TestCreditCodes.valid(), 3);
        act(agreed, "mediation-sessions", session("HR_ARBITRATION", "UNION", "HR_ARBITRATION"))
                .andExpect(status().isOk());
        act(agreed, "mediation-agreement", "{\"agreedFen\":200000,\"reachedOn\":\"%s\"}".formatted(today()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("MEDIATION_AGREED"));
        act(agreed, "closure", closure("MEDIATION_AGREEMENT", 200_000, 3)).andExpect(status().isOk());
        act(agreed, "follow-up", followUp(true)).andExpect(status().isOk());

        Set<String> ours = Set.of(referred, agreed);
        List<ConsumerRecord<String, String>> records = awaitRecords(events, r -> ours.contains(r.key()), 12);
        int closed = 0;
        int mediated = 0;
        int succeeded = 0;
        int settled = 0;
        long recoveredFen = 0;
        for (ConsumerRecord<String, String> r : records) {
            String type = ceHeader(r, "ce_type");
            assertConformsToSchema(type, r.value());
            assertThat(r.value()).doesNotContain(WORKER_NAME, "李小红", idNumber, EMPLOYER_NAME, employerCode);
            Map<String, Object> payload = JsonPath.parse(r.value()).read("$");
            if (type.endsWith("dispute.closed.v1")) {
                closed++;
                mediated += Boolean.TRUE.equals(payload.get("mediated")) ? 1 : 0;
                succeeded += Boolean.TRUE.equals(payload.get("mediationSucceeded")) ? 1 : 0;
                recoveredFen += ((Number) payload.get("amountRecoveredFen")).longValue();
            } else if (type.endsWith("dispute.follow-up-completed.v1")) {
                settled += Boolean.FALSE.equals(payload.get("reComplained")) ? 1 : 0;
                assertThat(payload.get("windowDays")).isEqualTo(90);
            }
        }
        assertThat(records).extracting(r -> ceHeader(r, "ce_type")).anyMatch(t -> t.endsWith("legal-aid-granted.v1"))
                .anyMatch(t -> t.endsWith("mediation-failed.v1")).anyMatch(t -> t.endsWith("dispute.referred.v1"))
                .anyMatch(t -> t.endsWith("mediation-agreement-reached.v1"));
        assertThat(records).hasSize(12);
        assertThat(closed).isEqualTo(2);
        assertThat((double) succeeded / mediated).as("调解成功率").isEqualTo(0.5);
        assertThat((double) settled / closed).as("结案息诉率").isEqualTo(0.5);
        assertThat(recoveredFen).as("挽回经济损失").isEqualTo(500_000);
        events.close();
    }

    @Test
    void anInvalidCreditCodeIsAValidationProblemNamingTheField() throws Exception {
        mvc.perform(post(CASES).with(agent).contentType(MediaType.APPLICATION_JSON)
                        .content(openBody(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.invalid(), 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("employer.creditCode"));
    }

    @Test
    void aPartyNotOnTheJurisdictionsRosterIsRefused() throws Exception {
        String id = open(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1);
        act(id, "mediation-sessions", session("UNION", "UNION", "PROCURATORATE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("partiesPresent"));
        mvc.perform(get(CASES + "/" + id).with(agent)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.mediated").value(false));
    }

    @Test
    void casesAreScopedToTheUnionsSubtreeAndWorkersAreMasked() throws Exception {
        String id = open(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1);
        mvc.perform(get(CASES + "/" + id).with(staff(ZHUSHAN, "rights-agent"))).andExpect(status().isNotFound());
        act(id, "legal-aid", "{\"lawyerId\":\"lawyer-1\",\"grantedOn\":\"%s\"}".formatted(today()),
                staff(ZHUSHAN, "rights-agent")).andExpect(status().isNotFound());
        mvc.perform(get(CASES + "/" + id).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.workers[0].maskedName").value("张*彪"))
                .andExpect(jsonPath("$.collective").value(false));
        mvc.perform(get(CASES).param("orgId", YUNXI_ID).param("claimType", "WAGE_ARREARS")
                        .with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[?(@.id=='" + id + "')]").exists());
        mvc.perform(get(CASES).with(staff(ZHUSHAN, "analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id=='" + id + "')]").doesNotExist());
        mvc.perform(post(CASES).with(staff(ZHUSHAN, "rights-agent")).contentType(MediaType.APPLICATION_JSON)
                .content(openBody(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1)))
                .andExpect(status().isNotFound());
        mvc.perform(post(CASES).with(staff(YUNXI, "analyst")).contentType(MediaType.APPLICATION_JSON)
                .content(openBody(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1)))
                .andExpect(status().isForbidden());
    }

    @Test
    void theStoredCaseHoldsNoNamesOrIdNumbers() throws Exception {
        String idNumber = TestCitizenIds.adult();
        String id = open(idNumber, WORKER_NAME, TestCreditCodes.valid(), 1);
        act(id, "referral", "{\"toBody\":\"COURT\",\"referredOn\":\"%s\"}".formatted(today()))
                .andExpect(status().isOk());
        act(id, "outcome", "{\"outcome\":\"张德彪胜诉\"}").andExpect(status().isOk());
        String stored = mongo.findById(id, Document.class, "dispute_cases").toJson();
        assertThat(stored).doesNotContain(WORKER_NAME, idNumber, EMPLOYER_NAME, "胜诉").contains("张*彪");
    }

    @Test
    void aWorkerIsReferredToHardshipAidOnceOnTheReferralTopic() throws Exception {
        Consumer<String, String> referrals = consumer(Topics.RIGHTS_REFERRAL);
        String id = open(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 2);
        String referralId = JsonPath.read(act(id, "hardship-referrals", "{\"workerIndex\":1}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.referralId");
        String personId = JsonPath.read(mvc.perform(get(CASES + "/" + id).with(agent)).andReturn().getResponse()
                .getContentAsString(), "$.workers[1].personId");
        act(id, "hardship-referrals", "{\"personId\":\"%s\"}".formatted(personId)).andExpect(status().isConflict());
        act(id, "hardship-referrals", "{\"workerIndex\":5}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("workerIndex"));

        ConsumerRecord<String, String> record = awaitRecords(referrals, r -> r.key().equals(referralId), 1).get(0);
        assertConformsToSchema(ceHeader(record, "ce_type"), record.value());
        assertThat((String) JsonPath.read(record.value(), "$.personId")).isEqualTo(personId);
        assertThat((String) JsonPath.read(record.value(), "$.source")).isEqualTo("DISPUTE_CASE");
        assertThat((String) JsonPath.read(record.value(), "$.sourceId")).isEqualTo(id);
        referrals.close();
    }

    @Test
    void aRetriedOpeningWithTheSameIdempotencyKeyOpensOneCase() throws Exception {
        var jwt = TestJwts.orgUserJwt(YUNXI, "rights-agent");
        String body = openBody(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1);
        String key = unique("open-key");
        String first = JsonPath.read(mvc.perform(post(CASES).with(TestJwts.authenticated(jwt))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        String second = JsonPath.read(mvc.perform(post(CASES).with(TestJwts.authenticated(jwt))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void twoConcurrentClosuresCloseOnce() throws Exception {
        String id = open(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> act(id, "closure", closure("WITHDRAWN", 0, 0)).andReturn().getResponse()
                        .getStatus());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        } finally {
            pool.shutdownNow();
        }
        Document stored = mongo.findById(id, Document.class, "dispute_cases");
        assertThat(stored.getList("outbox", Document.class)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aClosedCaseIsReopenedAndFollowedUpAgainAfterItsNextClosure() throws Exception {
        Consumer<String, String> events = consumer(Topics.RIGHTS_DISPUTE);
        String id = open(TestCitizenIds.adult(), WORKER_NAME, TestCreditCodes.valid(), 1);
        act(id, "follow-up", followUp(false)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("OPEN"));
        act(id, "reopening", "{\"cause\":\"NEW_EVIDENCE\"}").andExpect(status().isConflict());
        act(id, "closure", closure("SETTLEMENT", 100_000, 1)).andExpect(status().isOk());
        act(id, "follow-up", followUp(true)).andExpect(status().isOk());
        act(id, "reopening", "{\"cause\":\"NOT_A_CAUSE\"}").andExpect(status().isBadRequest());
        act(id, "reopening", "{\"cause\":\"RE_COMPLAINED\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.reopenCount").value(1));
        act(id, "closure", closure("SETTLEMENT", 150_000, 1)).andExpect(status().isOk());
        act(id, "follow-up", followUp(false)).andExpect(status().isOk());

        ConsumerRecord<String, String> reopened = awaitRecords(events, r -> r.key().equals(id)
                && ceHeader(r, "ce_type").endsWith("dispute.reopened.v1"), 1).get(0);
        assertConformsToSchema(ceHeader(reopened, "ce_type"), reopened.value());
        assertThat((String) JsonPath.read(reopened.value(), "$.cause")).isEqualTo("RE_COMPLAINED");
        events.close();
    }

    private String open(String idNumber, String name, String creditCode, int workers) throws Exception {
        String response = mvc.perform(post(CASES).with(agent).contentType(MediaType.APPLICATION_JSON)
                        .content(openBody(idNumber, name, creditCode, workers)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    private static String openBody(String idNumber, String name, String creditCode, int workers) {
        List<String> parties = new ArrayList<>();
        parties.add("{\"citizenIdNumber\":\"%s\",\"legalName\":\"%s\",\"memberId\":\"m-1\",\"groupTags\":[\"CONSTRUCTION\"]}"
                .formatted(idNumber, name));
        for (int i = 1; i < workers; i++) {
            parties.add("{\"citizenIdNumber\":\"%s\",\"legalName\":\"工友%d\",\"groupTags\":[]}"
                    .formatted(TestCitizenIds.adult(), i));
        }
        return """
                {"orgId":"%s","intake":"HOTLINE_12351","claimTypes":["WAGE_ARREARS","OVERTIME"],
                 "workers":[%s],"employer":{"creditCode":"%s","name":"%s"},"amountClaimedFen":450000}
                """.formatted(YUNXI_ID, String.join(",", parties), creditCode, EMPLOYER_NAME);
    }

    private ResultActions act(String id, String action, String body) throws Exception {
        return act(id, action, body, agent);
    }

    private ResultActions act(String id, String action, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(CASES + "/" + id + "/" + action).with(who).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String session(String mechanism, String... parties) {
        return "{\"mechanism\":\"%s\",\"partiesPresent\":[\"%s\"],\"heldOn\":\"%s\"}"
                .formatted(mechanism, String.join("\",\"", parties), today());
    }

    private static String closure(String type, long recoveredFen, int benefited) {
        return "{\"closureType\":\"%s\",\"amountRecoveredFen\":%d,\"workersBenefited\":%d,\"closedOn\":\"%s\"}"
                .formatted(type, recoveredFen, benefited, today());
    }

    private static String followUp(boolean reComplained) {
        return "{\"reComplained\":%s,\"completedOn\":\"%s\"}".formatted(reComplained, today());
    }

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }
}
