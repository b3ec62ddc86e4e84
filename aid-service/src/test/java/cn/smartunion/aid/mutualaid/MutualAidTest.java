package cn.smartunion.aid.mutualaid;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.smartunion.contracts.EventSchemaAssertions.assertConformsToSchema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Mutual medical aid end to end: a Shiyan plan, Yunxi members enrolled by Yunxi staff, claims judged on the illness
 * date, approved (maker-checker, annual limit, budget), paid through the ledger, events on Kafka.
 */
class MutualAidTest extends AidSpringTest {

    private static final String EMPLOYEE_ONLY = """
            {"audience":"MEMBERS","includeRetained":false,"socialInsurance":["EMPLOYEE_MEDICAL"]}""";

    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** About 20 days back, with ten days after it in the same year (all within the 30 days staff may backdate). */
    private LocalDate base;
    private String programme;

    @BeforeEach
    void programme() throws Exception {
        base = today.minusDays(20);
        if (base.getYear() != base.plusDays(10).getYear()) {
            base = LocalDate.of(base.getYear() + 1, 1, 1);
        }
        programme = programme("MUTUAL", "MUTUAL_AID", "YEAR", false, EMPLOYEE_ONLY);
    }

    // ---------------------------------------------------------------- enrolment

    @Test
    void an_active_member_is_enrolled_once_per_plan_year_and_the_event_carries_no_personal_data() throws Exception {
        Consumer<String, String> events = consumer(Topics.AID_MUTUAL_AID);
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));

        String body = enrol(staff(YUNXI, "aid-officer"), planId, member, "EMPLOYEE_MEDICAL", base)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("STAFF"))
                .andExpect(jsonPath("$.planVersion").value(1))
                .andExpect(jsonPath("$.orgPath").value(YUNXI))
                .andExpect(jsonPath("$.coverageStartsOn").value(base.toString()))
                .andExpect(jsonPath("$.coverageEndsOn").value(base.getYear() + "-12-31"))
                .andReturn().getResponse().getContentAsString();
        String enrolmentId = JsonPath.read(body, "$.id");

        ConsumerRecord<String, String> record = awaitRecords(events, r -> r.key().equals(enrolmentId), 1).get(0);
        assertThat(ceHeader(record, "ce_type")).isEqualTo(EventTypes.MUTUAL_AID_ENROLLED.type());
        assertThat(ceHeader(record, "ce_orgpath")).isEqualTo(YUNXI);
        assertConformsToSchema(ceHeader(record, "ce_type"), record.value());
        assertThat(JsonPath.<String>read(record.value(), "$.memberId")).isEqualTo(member);
        assertThat(JsonPath.<Integer>read(record.value(), "$.contributionFen")).isEqualTo(12_000);

        enrol(staff(YUNXI, "aid-officer"), planId, member, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:conflict"));
        // the same member again through another plan of the programme for the same year
        String otherPlan = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        enrol(staff(YUNXI, "aid-officer"), otherPlan, member, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isConflict());
        events.close();
    }

    @Test
    void a_truck_driver_insured_only_as_a_resident_is_refused() throws Exception {
        String planId = plan(today.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String driver = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2022, 3, 1), "TRUCK_DRIVER");

        enrol(staff(YUNXI, "aid-officer"), planId, driver, "RESIDENT_MEDICAL", null)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-eligible"))
                .andExpect(jsonPath("$.reasons", contains("SOCIAL_INSURANCE_NOT_COVERED")));
    }

    @Test
    void members_outside_the_callers_unions_are_not_found_and_members_enrol_themselves() throws Exception {
        String planId = plan(today.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String yunxiMember = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));

        enrol(staff(ZHUSHAN, "aid-officer"), planId, yunxiMember, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isNotFound());
        enrol(staff(YUNXI, "analyst"), planId, yunxiMember, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isForbidden());
        enrol(staff(YUNXI, "member"), planId, yunxiMember, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("SELF"));
    }

    @Test
    void a_unit_enrols_its_members_in_bulk_and_a_repeat_changes_nothing() throws Exception {
        String planId = plan(today.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String first = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String second = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2021, 1, 1));
        String terminated = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2019, 1, 1));
        changeStanding(terminated, MemberStanding.TERMINATED, LocalDate.of(2025, 6, 1));
        enrol(staff(YUNXI, "aid-officer"), planId, first, "EMPLOYEE_MEDICAL", null)
                .andExpect(status().isCreated());
        String request = """
                {"planId":"%s","paidBy":"UNIT","socialInsurance":"EMPLOYEE_MEDICAL",
                 "memberIds":["%s","%s","%s","m-never-seen"]}""".formatted(planId, first, second, terminated);

        for (int round = 0; round < 2; round++) {
            mvc.perform(post("/api/aid/v1/mutual-aid-enrolments/bulk").with(staff(YUNXI, "aid-officer"))
                            .contentType(MediaType.APPLICATION_JSON).content(request))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.enrolled").value(round == 0 ? 1 : 0))
                    .andExpect(jsonPath("$.alreadyEnrolled").value(round == 0 ? 1 : 2))
                    .andExpect(jsonPath("$.refused").value(2))
                    .andExpect(jsonPath("$.results[0].outcome").value("ALREADY_ENROLLED"))
                    .andExpect(jsonPath("$.results[1].outcome").value(round == 0 ? "ENROLLED" : "ALREADY_ENROLLED"))
                    .andExpect(jsonPath("$.results[2].reasons", contains("MEMBERSHIP_TERMINATED")))
                    .andExpect(jsonPath("$.results[3].reasons", contains("MEMBER_NOT_FOUND")));
        }
        mvc.perform(get("/api/aid/v1/mutual-aid-enrolments").param("planId", planId)
                        .with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].channel", hasItem("UNIT_BULK")));
    }

    // ---------------------------------------------------------------- claims

    @Test
    void a_claim_is_approved_by_someone_else_and_paid_once_with_schema_valid_events() throws Exception {
        Consumer<String, String> events = consumer(Topics.AID_MUTUAL_AID);
        Consumer<String, String> payments = consumer(Topics.AID_DISBURSEMENT);
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50", "ICD10:C34");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        Jwt officer = TestJwts.orgUserJwt(YUNXI, "aid-officer", "aid-approver");

        String claimId = claim(TestJwts.authenticated(officer), enrolmentId, base.plusDays(3), "icd10:c50", 450_000)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.health.diseaseCode").value("ICD10:C50"))
                .andReturn().getResponse().getContentAsString();
        claimId = JsonPath.read(claimId, "$.id");

        approve(TestJwts.authenticated(officer), claimId, 400_000)
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:approval-refused"))
                .andExpect(jsonPath("$.reason").value("APPROVER_IS_FILER"));
        approve(staff(YUNXI, "aid-approver"), claimId, 400_000)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvedFen").value(400_000))
                .andExpect(jsonPath("$.approvalLevel").value("COUNTY"));

        String pay = """
                {"idempotencyKey":"pay-1","channel":"BANK_TRANSFER","paidOn":"%s",
                 "bankCardNumber":"6222021234567890123"}""".formatted(today);
        String paid = mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/payment")
                        .with(staff(YUNXI, "aid-officer")).contentType(MediaType.APPLICATION_JSON).content(pay))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andReturn().getResponse().getContentAsString();
        String disbursementId = JsonPath.read(paid, "$.disbursementId");
        mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/payment")
                        .with(staff(YUNXI, "aid-officer")).contentType(MediaType.APPLICATION_JSON).content(pay))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.disbursementId").value(disbursementId));
        mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/payment")
                        .with(staff(YUNXI, "aid-officer")).contentType(MediaType.APPLICATION_JSON)
                        .content(pay.replace("pay-1", "pay-2")))
                .andExpect(status().isConflict());

        final String id = claimId;
        List<ConsumerRecord<String, String>> claimEvents = awaitRecords(events, r -> r.key().equals(id), 3);
        assertThat(claimEvents).extracting(r -> ceHeader(r, "ce_type")).containsExactly(
                EventTypes.MUTUAL_AID_CLAIM_SUBMITTED.type(), EventTypes.MUTUAL_AID_CLAIM_APPROVED.type(),
                EventTypes.MUTUAL_AID_CLAIM_PAID.type());
        for (ConsumerRecord<String, String> record : claimEvents) {
            assertConformsToSchema(ceHeader(record, "ce_type"), record.value());
            // whole values: a fragment like "C50" or "6222" may turn up in a random id or a timestamp's nanoseconds
            assertThat(record.value()).doesNotContain("ICD10:C50", "diseas", "medicalCost", "hospital",
                    "6222021234567890123");
        }
        assertThat(JsonPath.<String>read(claimEvents.get(2).value(), "$.disbursementId")).isEqualTo(disbursementId);
        assertThat(JsonPath.<Integer>read(claimEvents.get(2).value(), "$.paidFen")).isEqualTo(400_000);
        ConsumerRecord<String, String> disbursed = awaitRecords(payments, r -> r.key().equals(disbursementId), 1)
                .get(0);
        assertConformsToSchema(ceHeader(disbursed, "ce_type"), disbursed.value());
        assertThat(JsonPath.<String>read(disbursed.value(), "$.sourceType")).isEqualTo("MUTUAL_AID_CLAIM");
        assertThat(JsonPath.<String>read(disbursed.value(), "$.sourceId")).isEqualTo(claimId);

        Document stored = mongo.findById(claimId, Document.class, "mutual_aid_claims");
        assertThat(stored.toJson()).doesNotContain("ICD10:C50", "icd10:c50", "diseaseCode", ": 500000");
        assertThat(stored.get("unpaidFen", Number.class).longValue()).isZero();
        assertThat(stored.getList("paidDisbursements", String.class)).containsExactly(disbursementId);

        // health data only on the one claim, only for officers and approvers; scope in the query
        mvc.perform(get("/api/aid/v1/mutual-aid-claims/" + claimId).with(staff(YUNXI, "aid-approver")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.health.diseaseCode").value("ICD10:C50"))
                .andExpect(jsonPath("$.health.medicalCostFen").value(500_000));
        mvc.perform(get("/api/aid/v1/mutual-aid-claims/" + claimId).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PAID"))
                .andExpect(jsonPath("$.health").value(nullValue()));
        mvc.perform(get("/api/aid/v1/mutual-aid-claims/" + claimId).with(staff(ZHUSHAN, "aid-officer")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/aid/v1/mutual-aid-claims").param("memberId", member)
                        .with(staff(SHIYAN, "aid-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].health").value(nullValue()));
        mvc.perform(get("/api/aid/v1/mutual-aid-claims").param("memberId", member)
                        .with(staff(ZHUSHAN, "aid-officer")))
                .andExpect(jsonPath("$.totalItems").value(0));
        approve(staff(ZHUSHAN, "aid-approver"), claimId, 1).andExpect(status().isNotFound());
        events.close();
        payments.close();
    }

    @Test
    void an_illness_after_the_membership_ended_is_refused_and_one_before_it_is_accepted() throws Exception {
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        changeStanding(member, MemberStanding.TERMINATED, base.plusDays(5));

        claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(8), "ICD10:C50", 100_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-eligible"))
                .andExpect(jsonPath("$.reasons", contains("MEMBERSHIP_TERMINATED")));
        claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(2), "ICD10:C50", 100_000)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        // and nothing before the coverage started
        claim(staff(YUNXI, "aid-officer"), enrolmentId, base.minusDays(1), "ICD10:C50", 100_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:claim-refused"))
                .andExpect(jsonPath("$.reason").value("NOT_ENROLLED_ON_ILLNESS_DATE"));
    }

    @Test
    void a_disease_is_judged_by_the_plan_version_in_force_on_the_illness_date() throws Exception {
        Assumptions.assumeTrue(today.getDayOfYear() > 3, "needs a few days of the plan year behind us");
        String planId = plan(today.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, today.minusDays(2));

        mvc.perform(post("/api/aid/v1/mutual-aid-plans/" + planId + "/versions").with(staff(SHIYAN, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"effectiveFrom":"%s","coveredDiseases":["ICD10:C50","ICD10:I21"]}"""
                                .formatted(today)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.latestVersion").value(2))
                .andExpect(jsonPath("$.versions[0].coveredDiseases", contains("ICD10:C50")))
                .andExpect(jsonPath("$.versions[1].maxPayoutFen").value(2_000_000));
        // versions are published by the plan's union or above, never in the past
        mvc.perform(post("/api/aid/v1/mutual-aid-plans/" + planId + "/versions").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"effectiveFrom":"%s","coveredDiseases":["ICD10:C50"]}""".formatted(today)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/aid/v1/mutual-aid-plans/" + planId + "/versions").with(staff(SHIYAN, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"effectiveFrom":"%s","coveredDiseases":["ICD10:C50"]}"""
                                .formatted(today.minusDays(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("effectiveFrom"));

        claim(staff(YUNXI, "aid-officer"), enrolmentId, today.minusDays(1), "ICD10:I21", 100_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:claim-refused"))
                .andExpect(jsonPath("$.reason").value("DISEASE_NOT_COVERED"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("I21"))));
        claim(staff(YUNXI, "aid-officer"), enrolmentId, today, "ICD10:I21", 100_000)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.planVersion").value(2));

        mvc.perform(get("/api/aid/v1/mutual-aid-plans/" + planId).with(staff(YUNXI, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.versions.length()").value(2));
        mvc.perform(get("/api/aid/v1/mutual-aid-plans").param("programmeCode", programme)
                        .with(staff(ZHUSHAN, "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(1));
    }

    @Test
    void an_exhausted_budget_refuses_the_approval_and_leaves_the_claim_open() throws Exception {
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 100_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        String claimId = JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(1),
                "ICD10:C50", 300_000).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.id");

        approve(staff(YUNXI, "aid-approver"), claimId, 200_000)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:budget-exhausted"));
        mvc.perform(get("/api/aid/v1/mutual-aid-claims/" + claimId).with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.approvedFen").value(nullValue()));
        assertThat(mongo.findById(enrolmentId, Document.class, "mutual_aid_enrolments")
                .get("reservedFen", Number.class).longValue()).isZero();

        approve(staff(YUNXI, "aid-approver"), claimId, 100_000)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void approvals_stay_within_the_payout_per_claim_and_the_members_annual_limit() throws Exception {
        String planId = plan(base.getYear(), 300_000, 400_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        String first = JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(1), "ICD10:C50",
                400_000).andReturn().getResponse().getContentAsString(), "$.id");
        String second = JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(4), "ICD10:C50",
                400_000).andReturn().getResponse().getContentAsString(), "$.id");

        approve(staff(YUNXI, "aid-approver"), first, 300_001)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("approvedFen"));
        approve(staff(YUNXI, "aid-approver"), first, 300_000).andExpect(status().isOk());
        approve(staff(YUNXI, "aid-approver"), second, 200_000)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].field").value("approvedFen"));
        approve(staff(YUNXI, "aid-approver"), second, 100_000).andExpect(status().isOk());

        mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + first + "/rejection").with(staff(YUNXI, "aid-approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"OTHER\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void a_rejected_claim_emits_its_reason() throws Exception {
        Consumer<String, String> events = consumer(Topics.AID_MUTUAL_AID);
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String claimId = JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentOf(planId, member, base),
                base.plusDays(1), "ICD10:C50", 100_000).andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/rejection").with(staff(SHIYAN, "aid-approver"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"INCOMPLETE_EVIDENCE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        ConsumerRecord<String, String> rejected = awaitRecords(events, r -> r.key().equals(claimId)
                && EventTypes.MUTUAL_AID_CLAIM_REJECTED.type().equals(ceHeader(r, "ce_type")), 1).get(0);
        assertConformsToSchema(ceHeader(rejected, "ce_type"), rejected.value());
        assertThat(JsonPath.<String>read(rejected.value(), "$.reasonCode")).isEqualTo("INCOMPLETE_EVIDENCE");
        mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/payment").with(staff(YUNXI, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"idempotencyKey":"k","channel":"CASH","paidOn":"%s"}""".formatted(today)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        events.close();
    }

    @Test
    void an_approval_interrupted_after_its_first_step_is_finished_by_approving_again_and_commits_once()
            throws Exception {
        String planId = plan(base.getYear(), 2_000_000, 3_000_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        String claimId = JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(1),
                "ICD10:C50", 300_000).andReturn().getResponse().getContentAsString(), "$.id");
        // the service stopped right after step 1 (SUBMITTED -> APPROVING)
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(claimId)),
                new org.springframework.data.mongodb.core.query.Update().set("status", "APPROVING")
                        .set("approvedFen", 250_000L).set("approvalLevel", "COUNTY").set("approvedBy", "approver-1")
                        .set("approvedAt", new java.util.Date()).inc("version", 1), "mutual_aid_claims");

        for (int round = 0; round < 2; round++) {
            approve(staff(YUNXI, "aid-approver"), claimId, 1)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("APPROVED"))
                    .andExpect(jsonPath("$.approvedFen").value(250_000));
        }
        String lineId = mongo.findById(planId, Document.class, "mutual_aid_plans").getString("budgetLineId");
        Document line = mongo.findById(lineId, Document.class, "budget_lines");
        assertThat(line.get("committedFen", Number.class).longValue()).isEqualTo(250_000);
        Document stored = mongo.findById(claimId, Document.class, "mutual_aid_claims");
        assertThat(stored.get("unpaidFen", Number.class).longValue()).isEqualTo(250_000);
        assertThat(mongo.findById(enrolmentId, Document.class, "mutual_aid_enrolments")
                .get("reservedFen", Number.class).longValue()).isEqualTo(250_000);
    }

    @Test
    void concurrent_approvals_never_take_a_member_past_the_annual_limit() throws Exception {
        String planId = plan(base.getYear(), 300_000, 300_000, 10_000_000, "ICD10:C50");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String enrolmentId = enrolmentOf(planId, member, base);
        List<String> claimIds = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claimIds.add(JsonPath.read(claim(staff(YUNXI, "aid-officer"), enrolmentId, base.plusDays(1 + i),
                    "ICD10:C50", 300_000).andReturn().getResponse().getContentAsString(), "$.id"));
        }
        List<java.util.concurrent.CompletableFuture<Integer>> approvals = claimIds.stream()
                .map(id -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        return approve(staff(YUNXI, "aid-approver"), id, 300_000).andReturn().getResponse()
                                .getStatus();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        List<Integer> statuses = approvals.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(statuses).containsOnly(200, 400).filteredOn(s -> s == 200).hasSize(1);
        assertThat(mongo.findById(enrolmentId, Document.class, "mutual_aid_enrolments")
                .get("reservedFen", Number.class).longValue()).isEqualTo(300_000);
        mvc.perform(get("/api/aid/v1/mutual-aid-claims").param("memberId", member).param("status", "SUBMITTED")
                        .with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.totalItems").value(3));
    }

    // ---------------------------------------------------------------- helpers

    /** A plan of Shiyan for {@code year} with a budget line of {@code budgetFen}; contribution 120 yuan. */
    private String plan(int year, long maxPayoutFen, long annualLimitFen, long budgetFen, String... diseases)
            throws Exception {
        String line = budgetLine(programme, SHIYAN_ID, SHIYAN, String.valueOf(year), budgetFen);
        String list = String.join("\",\"", diseases);
        String body = mvc.perform(post("/api/aid/v1/mutual-aid-plans").with(staff(SHIYAN, "aid-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"programmeCode":"%s","orgId":"%s","planYear":%d,"coveredDiseases":["%s"],
                                 "contributionFen":12000,"maxPayoutFen":%d,"annualLimitFen":%d,"budgetLineId":"%s"}"""
                                .formatted(programme, SHIYAN_ID, year, list, maxPayoutFen, annualLimitFen, line)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.latestVersion").value(1))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private ResultActions enrol(RequestPostProcessor caller, String planId, String memberId, String insurance,
                                LocalDate enrolledOn) throws Exception {
        String on = enrolledOn == null ? "" : ",\"enrolledOn\":\"" + enrolledOn + "\"";
        return mvc.perform(post("/api/aid/v1/mutual-aid-enrolments").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"planId":"%s","memberId":"%s","paidBy":"UNIT","socialInsurance":"%s"%s}"""
                        .formatted(planId, memberId, insurance, on)));
    }

    private String enrolmentOf(String planId, String memberId, LocalDate on) throws Exception {
        return JsonPath.read(enrol(staff(YUNXI, "aid-officer"), planId, memberId, "EMPLOYEE_MEDICAL", on)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    private ResultActions claim(RequestPostProcessor caller, String enrolmentId, LocalDate illnessOn, String disease,
                                long claimedFen) throws Exception {
        return mvc.perform(post("/api/aid/v1/mutual-aid-claims").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"enrolmentId":"%s","illnessOn":"%s","diseaseCode":"%s","hospitalisedFrom":"%s",
                         "hospitalisedTo":"%s","medicalCostFen":500000,"claimedFen":%d}"""
                        .formatted(enrolmentId, illnessOn, disease, illnessOn, illnessOn, claimedFen)));
    }

    private ResultActions approve(RequestPostProcessor caller, String claimId, long approvedFen) throws Exception {
        return mvc.perform(post("/api/aid/v1/mutual-aid-claims/" + claimId + "/approval").with(caller)
                .contentType(MediaType.APPLICATION_JSON).content("{\"approvedFen\":" + approvedFen + "}"));
    }

}
