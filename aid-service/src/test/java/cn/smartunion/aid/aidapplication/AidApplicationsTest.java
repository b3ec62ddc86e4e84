package cn.smartunion.aid.aidapplication;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AidApplicationsTest extends AidSpringTest {

    private static final String MEMBERS_ONCE = """
            {"audience":"MEMBERS","includeRetained":true}""";
    private static final String ANY_WORKER = """
            {"audience":"ANY_WORKER"}""";

    private final RequestPostProcessor officer = staff(YUNXI, "aid-officer");
    private final RequestPostProcessor countyApprover = staff(YUNXI, "aid-approver");

    @Test
    void aSecondAutumnStudyGrantForTheSameStudentInTheSameCycleIsRefused() throws Exception {
        String school = programme("SCHOOL", "CAMPAIGN", "YEAR", true, MEMBERS_ONCE);
        String parent = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String otherParent = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String student = TestCitizenIds.minor();

        String first = submit(school, "2026", parent, TestCitizenIds.adult(), student, 300_000);
        submitExpecting(school, "2026", otherParent, TestCitizenIds.adult(), student, 300_000)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:already-granted-in-cycle"))
                .andExpect(jsonPath("$.cycle").value("2026"));
        // another cycle is another grant
        submit(school, "2027", parent, TestCitizenIds.adult(), student, 300_000);
        // a rejected application gives the place back
        mvc.perform(post("/api/aid/v1/aid-applications/" + first + "/rejection").with(countyApprover)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasonCode\":\"INCOMPLETE_EVIDENCE\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REJECTED"));
        submit(school, "2026", otherParent, TestCitizenIds.adult(), student, 300_000);
    }

    @Test
    void membersOnlyProgrammesRefuseNonMembersAndTerminatedMembersWithReasons() throws Exception {
        String school = programme("SCHOOL", "CAMPAIGN", "YEAR", true, MEMBERS_ONCE);
        submitExpecting(school, "2026", null, TestCitizenIds.adult(), TestCitizenIds.minor(), 100_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:not-eligible"))
                .andExpect(jsonPath("$.reasons[0]").value("NOT_A_MEMBER"));
        String former = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2019, 1, 1));
        changeStanding(former, MemberStanding.TERMINATED, LocalDate.of(2025, 6, 30));
        submitExpecting(school, "2026", former, TestCitizenIds.adult(), TestCitizenIds.minor(), 100_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value("MEMBERSHIP_TERMINATED"));
    }

    @Test
    void modelWorkerCareServesOnlyMembersHoldingAStandingModelWorkerHonour() throws Exception {
        String care = programme("MODEL", "ONE_OFF_SERVICE", "YEAR", false, """
                {"audience":"MEMBERS","includeRetained":true,"modelWorkersOnly":true}""");
        String member = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2010, 1, 1));
        submitExpecting(care, "2026", member, TestCitizenIds.adult(), null, 300_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value("NOT_A_MODEL_WORKER"));

        // competition-service conferred a provincial 劳模 (as its honour-conferred event would record it)
        memberRecords.honourConferred("ev-" + member, member, "h-" + member, "MODEL_WORKER", "PROVINCIAL",
                "2021-2025", LocalDate.of(2025, 4, 28));
        submit(care, "2026", member, TestCitizenIds.adult(), null, 300_000);

        memberRecords.honourRevoked("ev-revoked-" + member, member, "h-" + member, LocalDate.of(2026, 3, 1));
        submitExpecting(care, "2027", member, TestCitizenIds.adult(), null, 300_000)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0]").value("NOT_A_MODEL_WORKER"));
    }

    @Test
    void twoHundredConcurrentApprovalsAgainstABudgetForOneHundredFiftyApproveExactlyOneHundredFifty()
            throws Exception {
        String grant = programme("ONEOFF", "ONE_OFF_SERVICE", "YEAR", false, ANY_WORKER);
        long amount = 100_000;
        String line = budgetLine(grant, YUNXI_ID, YUNXI, "2026", 150 * amount);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(submit(grant, "2026", null, TestCitizenIds.adult(), null, amount));
        }

        Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> running = new ArrayList<>();
        for (String id : ids) {
            running.add(pool.submit(() -> {
                MvcResult result = mvc.perform(post("/api/aid/v1/aid-applications/" + id + "/approval")
                        .with(staff(YUNXI, "aid-approver")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"budgetLineId\":\"" + line + "\"}")).andReturn();
                answers.computeIfAbsent(result.getResponse().getStatus(), s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(answers.get(200)).hasValue(150);
        assertThat(answers.get(409)).hasValue(50);
        assertThat(answers.keySet()).containsOnly(200, 409);
        Document budget = mongo.findById(line, Document.class, "budget_lines");
        assertThat(budget.get("availableFen", Number.class).longValue()).isZero();
        assertThat(budget.get("committedFen", Number.class).longValue()).isEqualTo(150 * amount);
        long approved = mongo.getCollection("aid_applications")
                .countDocuments(new Document("programmeCode", grant).append("status", "APPROVED"));
        long waiting = mongo.getCollection("aid_applications")
                .countDocuments(new Document("programmeCode", grant).append("status", "SUBMITTED"));
        assertThat(approved).isEqualTo(150);
        assertThat(waiting).isEqualTo(50);
    }

    @Test
    void theSubmitterNeverApprovesAndAmountsAboveTheCountyLimitNeedTheCity() throws Exception {
        String grant = programme("ONEOFF", "ONE_OFF_SERVICE", "YEAR", false, ANY_WORKER);
        String line = budgetLine(grant, YUNXI_ID, YUNXI, "2026", 10_000_000);
        Jwt both = TestJwts.orgUserJwt(YUNXI, "aid-officer", "aid-approver");
        String small = submitAs(TestJwts.authenticated(both), grant, "2026", null, TestCitizenIds.adult(), null,
                200_000);
        approve(small, line, TestJwts.authenticated(both))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:approval-refused"))
                .andExpect(jsonPath("$.reason").value("APPROVER_IS_FILER"));
        approve(small, line, countyApprover).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.decision.level").value("COUNTY"));

        String large = submit(grant, "2026", null, TestCitizenIds.adult(), null, 600_000);
        approve(large, line, countyApprover).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("LEVEL_TOO_LOW"))
                .andExpect(jsonPath("$.requiredLevel").value("CITY"));
        mvc.perform(get("/api/aid/v1/aid-applications/" + large).with(officer))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        approve(large, line, staff(SHIYAN, "aid-approver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.decision.level").value("CITY"));
        // a decided application cannot be decided again
        approve(large, line, staff(SHIYAN, "aid-approver")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void recordsAreScopedLikeMembershipSiblingCountiesSeeNothingTheCitySeesItsCounties() throws Exception {
        String grant = programme("ONEOFF", "ONE_OFF_SERVICE", "YEAR", false, ANY_WORKER);
        String line = budgetLine(grant, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = submit(grant, "2026", null, TestCitizenIds.adult(), null, 100_000);
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(staff(ZHUSHAN, "aid-officer", "aid-approver")))
                .andExpect(status().isNotFound());
        approve(id, line, staff(ZHUSHAN, "aid-approver")).andExpect(status().isNotFound());
        mvc.perform(get("/api/aid/v1/aid-applications?programmeCode=" + grant)
                        .with(staff(ZHUSHAN, "aid-officer")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(staff(SHIYAN, "analyst")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/aid/v1/aid-applications?programmeCode=" + grant).with(staff(SHIYAN, "aid-officer")))
                .andExpect(jsonPath("$.totalItems").value(1));
        // rights roles see no aid records
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(staff(YUNXI, "rights-agent")))
                .andExpect(status().isForbidden());
    }

    @Test
    void approvedApplicationsArePaidOncePerKeyAndEventsAndDocumentsCarryNoPersonalData() throws Exception {
        Consumer<String, String> applicationEvents = consumer(Topics.AID_APPLICATION);
        Consumer<String, String> disbursed = consumer(Topics.AID_DISBURSEMENT);
        String school = programme("SCHOOL", "CAMPAIGN", "YEAR", true, MEMBERS_ONCE);
        String line = budgetLine(school, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String parent = activeMember(YUNXI_ID, YUNXI, LocalDate.of(2020, 1, 1));
        String parentId = TestCitizenIds.adult();
        String studentId = TestCitizenIds.minor();
        String id = submit(school, "2026", parent, parentId, studentId, 400_000);
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(officer))
                .andExpect(jsonPath("$.student.school").value("郧西县第一中学"))
                .andExpect(jsonPath("$.student.minor").value(true))
                .andExpect(jsonPath("$.applicant.maskedIdNumber").value(parentId.substring(0, 4) + "**********"
                        + parentId.substring(14)));
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.student").doesNotExist()).andExpect(jsonPath("$.forStudent").value(true));
        approve(id, line, countyApprover).andExpect(status().isOk());

        String payment = """
                {"idempotencyKey":"pay-1","channel":"BANK_TRANSFER","disbursedOn":"2026-09-01",
                 "bankCardNumber":"6222 0212 3456 7890 123"}""";
        String first = mvc.perform(post("/api/aid/v1/aid-applications/" + id + "/disbursements").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(payment))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amountFen").value(400_000))
                .andExpect(jsonPath("$.maskedBankCard").value("***************0123"))
                .andReturn().getResponse().getContentAsString();
        String again = mvc.perform(post("/api/aid/v1/aid-applications/" + id + "/disbursements").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(payment))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        mvc.perform(post("/api/aid/v1/aid-applications/" + id + "/disbursements").with(officer)
                        .contentType(MediaType.APPLICATION_JSON).content(payment.replace("pay-1", "pay-2")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:payment-exceeds-approval"));
        mvc.perform(get("/api/aid/v1/aid-applications/" + id).with(officer))
                .andExpect(jsonPath("$.paidFen").value(400_000)).andExpect(jsonPath("$.unpaidFen").value(0));
        mvc.perform(get("/api/aid/v1/reconciliation?programmeCode=" + school).with(staff(SHIYAN, "analyst")))
                .andExpect(jsonPath("$.items[0].line.committedFen").value(400_000))
                .andExpect(jsonPath("$.items[0].line.paidFen").value(400_000))
                .andExpect(jsonPath("$.items[0].ledgerPaidFen").value(400_000))
                .andExpect(jsonPath("$.items[0].balanced").value(true));
        mvc.perform(get("/api/aid/v1/public-notices?programmeCode=" + school)
                        .with(staff(YUNXI + "/Y0001", "member")))
                .andExpect(jsonPath("$.items[0].maskedIdNumber").value(parentId.substring(0, 4) + "**********"
                        + parentId.substring(14)))
                .andExpect(jsonPath("$.items[0].amountFen").value(400_000));

        var events = awaitRecords(applicationEvents, r -> id.equals(r.key()), 2);
        var payments = awaitRecords(disbursed, r -> r.value().contains(id), 1);
        for (var record : List.of(events.get(0), events.get(1), payments.get(0))) {
            EventSchemaAssertions.assertConformsToSchema(ceHeader(record, "ce_type"), record.value());
            assertThat(record.value()).doesNotContain(parentId, studentId, "郧西县第一中学", "62220212",
                    "6222 0212");
        }
        String stored = mongo.findById(id, Document.class, "aid_applications").toJson()
                + mongo.getCollection("people").find().into(new ArrayList<>()).toString()
                + mongo.getCollection("disbursements").find().into(new ArrayList<>()).toString();
        assertThat(stored).doesNotContain(parentId, studentId, "郧西县第一中学", "张小明", "62220212");
    }

    private String submit(String programme, String cycle, String memberId, String applicantId, String studentId,
                          long requestedFen) throws Exception {
        return submitAs(officer, programme, cycle, memberId, applicantId, studentId, requestedFen);
    }

    private String submitAs(RequestPostProcessor who, String programme, String cycle, String memberId,
                            String applicantId, String studentId, long requestedFen) throws Exception {
        String body = request(who, programme, cycle, memberId, applicantId, studentId, requestedFen)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private org.springframework.test.web.servlet.ResultActions submitExpecting(String programme, String cycle,
            String memberId, String applicantId, String studentId, long requestedFen) throws Exception {
        return request(officer, programme, cycle, memberId, applicantId, studentId, requestedFen);
    }

    private org.springframework.test.web.servlet.ResultActions request(RequestPostProcessor who, String programme,
            String cycle, String memberId, String applicantId, String studentId, long requestedFen) throws Exception {
        String student = studentId == null ? "null" : """
                {"citizenIdNumber":"%s","legalName":"张小明","school":"郧西县第一中学","studyLevel":"SENIOR_SECONDARY"}"""
                .formatted(studentId);
        return mvc.perform(post("/api/aid/v1/aid-applications").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"programmeCode":"%s","orgId":"%s","cycle":"%s","memberId":%s,
                         "applicant":{"citizenIdNumber":"%s","legalName":"张大山"},
                         "student":%s,"requestedFen":%d}""".formatted(programme, YUNXI_ID, cycle,
                        memberId == null ? "null" : "\"" + memberId + "\"", applicantId, student, requestedFen)));
    }

    private org.springframework.test.web.servlet.ResultActions approve(String id, String line,
                                                                       RequestPostProcessor who) throws Exception {
        return mvc.perform(post("/api/aid/v1/aid-applications/" + id + "/approval").with(who)
                .contentType(MediaType.APPLICATION_JSON).content("{\"budgetLineId\":\"" + line + "\"}"));
    }
}
