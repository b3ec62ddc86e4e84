package cn.smartunion.aid.casefile.adapter.in.web;

import cn.smartunion.aid.AidSpringTest;
import cn.smartunion.contracts.CloudEventHeaders;
import cn.smartunion.contracts.EventSchemaAssertions;
import cn.smartunion.contracts.Topics;
import cn.smartunion.runtime.testing.TestCitizenIds;
import cn.smartunion.runtime.testing.TestJwts;
import com.jayway.jsonpath.JsonPath;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class HardshipCaseApiTest extends AidSpringTest {

    private static final String CASES = "/api/aid/v1/hardship-cases";
    private static final String HEAD_NAME = "王建国";
    private static final String SPOUSE_NAME = "李秀英";

    private String programmeCode;
    private Jwt officer;
    private RequestPostProcessor asOfficer;

    @BeforeEach
    void caseFileProgramme() throws Exception {
        programmeCode = programme("CASE", "CASE_FILE", "YEAR", false, "{\"audience\":\"ANY_WORKER\"}");
        officer = TestJwts.orgUserJwt(YUNXI, "aid-officer");
        asOfficer = TestJwts.authenticated(officer);
    }

    @Test
    void wholeLifecyclePublishesConformingEventsWithoutPersonalData() throws Exception {
        Consumer<String, String> events = consumer(Topics.AID_CASE);
        String headId = TestCitizenIds.adult();
        String spouseId = TestCitizenIds.adult();
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = identify(headId, HEAD_NAME);

        json(mvc.perform(get(CASES + "/" + id).with(asOfficer)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IDENTIFIED"))
                .andExpect(jsonPath("$.head.maskedName").value("王*国")));
        mvc.perform(post(CASES + "/" + id + "/filing").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"category":"DEEP","causes":["ILLNESS","EDUCATION_COSTS"],"monthlyIncomeFen":120000,
                                 "householdMembers":[{"citizenIdNumber":"%s","legalName":"%s","relation":"SPOUSE"}]}
                                """.formatted(spouseId, SPOUSE_NAME)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.householdSize").value(2))
                .andExpect(jsonPath("$.householdMembers[0].relation").value("SPOUSE"));
        planMeasures(id, 200_000, 100_000);
        review(id, staff(YUNXI, "aid-approver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"));
        approve(id, line, staff(YUNXI, "aid-approver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approval.level").value("COUNTY"))
                .andExpect(jsonPath("$.approvedFen").value(300_000))
                .andExpect(jsonPath("$.unpaidFen").value(300_000));
        mvc.perform(get("/api/aid/v1/public-notices").with(staff(YUNXI, "aid-officer"))
                        .param("programmeCode", programmeCode))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].amountFen").value(300_000));

        mvc.perform(post(CASES + "/" + id + "/monitoring-visits").with(asOfficer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"visitedOn\":\"2026-01-10\",\"relapseRisk\":\"LOW\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.monitoring[0].relapseRisk").value("LOW"));
        pay(id, unique("pay"), "LIVING", 100_000).andExpect(status().isCreated());
        mvc.perform(post(CASES + "/" + id + "/relief").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relievedOn\":\"2026-01-20\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELIEVED"));
        mvc.perform(post(CASES + "/" + id + "/consolidation").with(asOfficer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONSOLIDATION"));
        mvc.perform(post(CASES + "/" + id + "/closure").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"RELIEF_CONSOLIDATED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.unpaidFen").value(0))
                .andExpect(jsonPath("$.paidFen").value(100_000));
        // the 200,000 fen approved and never paid went back to the line
        mvc.perform(get("/api/aid/v1/budget-lines/" + line).with(staff(YUNXI, "aid-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availableFen").value(900_000))
                .andExpect(jsonPath("$.paidFen").value(100_000));
        mvc.perform(post(CASES + "/" + id + "/reopening").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasonCode\":\"RELAPSE\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.reopenCount").value(1))
                .andExpect(jsonPath("$.history.length()").value(9));

        List<ConsumerRecord<String, String>> published = awaitRecords(events, r -> id.equals(r.key()), 5);
        assertThat(published).extracting(r -> ceHeader(r, CloudEventHeaders.TYPE)).containsExactly(
                "cn.smartunion.aid.case.filed.v1", "cn.smartunion.aid.case.approved.v1",
                "cn.smartunion.aid.case.relieved.v1", "cn.smartunion.aid.case.closed.v1",
                "cn.smartunion.aid.case.reopened.v1");
        for (ConsumerRecord<String, String> record : published) {
            EventSchemaAssertions.assertConformsToSchema(ceHeader(record, CloudEventHeaders.TYPE), record.value());
            assertThat(record.value()).doesNotContain(HEAD_NAME, SPOUSE_NAME, headId, spouseId, headId.substring(6, 14));
        }
        assertThat(published.get(0).value()).contains("\"householdSize\":2");
        events.close();

        String stored = mongo.findById(id, Document.class, "hardship_cases").toJson();
        assertThat(stored).doesNotContain(HEAD_NAME, SPOUSE_NAME, headId, spouseId).contains("王*国");
    }

    @Test
    void theFilerCannotApproveEvenWithTheApproverRole() throws Exception {
        Jwt both = TestJwts.orgUserJwt(YUNXI, "aid-officer", "aid-approver");
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = reviewedCase(TestJwts.authenticated(both), 100_000, 50_000);

        approve(id, line, TestJwts.authenticated(both)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:approval-refused"))
                .andExpect(jsonPath("$.reason").value("APPROVER_IS_FILER"));
        read(id).andExpect(jsonPath("$.status").value("REVIEWED"));
    }

    @Test
    void aboveTheCountyLimitACountyApproverIsRefusedAndTheCityApproves() throws Exception {
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = reviewedCase(asOfficer, 400_000, 200_000);

        approve(id, line, staff(YUNXI, "aid-approver")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.reason").value("LEVEL_TOO_LOW"))
                .andExpect(jsonPath("$.requiredLevel").value("CITY"));
        approve(id, line, staff(SHIYAN, "aid-approver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approval.level").value("CITY"))
                .andExpect(jsonPath("$.approvedFen").value(600_000));
    }

    @Test
    void aSiblingCountySeesNothingAndTheCitySeesItsCounties() throws Exception {
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = reviewedCase(asOfficer, 100_000, 50_000);

        mvc.perform(get(CASES + "/" + id).with(staff(ZHUSHAN, "aid-officer"))).andExpect(status().isNotFound());
        approve(id, line, staff(ZHUSHAN, "aid-approver")).andExpect(status().isNotFound());
        mvc.perform(get(CASES + "/" + id).with(staff(SHIYAN, "analyst"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVIEWED"));
        mvc.perform(get(CASES).with(staff(ZHUSHAN, "analyst")).param("orgId", YUNXI_ID))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        String list = mvc.perform(get(CASES).with(staff(SHIYAN, "analyst")).param("status", "REVIEWED")
                        .param("category", "DEEP").param("size", "100"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(list, "$.items[*].id")).contains(id);
        mvc.perform(get(CASES).with(staff(SHIYAN, "analyst")).param("size", "1000"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(CASES + "/" + id).with(staff(YUNXI, "rights-officer"))).andExpect(status().isForbidden());
    }

    @Test
    void anExhaustedBudgetLeavesTheCaseReviewed() throws Exception {
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 100_000);
        String id = reviewedCase(asOfficer, 100_000, 50_000);

        approve(id, line, staff(YUNXI, "aid-approver")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:budget-exhausted"));
        read(id).andExpect(jsonPath("$.status").value("REVIEWED")).andExpect(jsonPath("$.unpaidFen").value(0));
        mvc.perform(get("/api/aid/v1/budget-lines/" + line).with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.availableFen").value(100_000));
        // with a smaller plan it fits
        planMeasures(id, 60_000, 40_000);
        approve(id, line, staff(YUNXI, "aid-approver")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aHouseholdHasOneOpenCaseAtATime() throws Exception {
        String headId = TestCitizenIds.adult();
        String first = identify(headId, HEAD_NAME);

        identifyRequest(headId, "王 建国").andExpect(status().isConflict());

        mvc.perform(post(CASES + "/" + first + "/filing").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"category\":\"RELATIVE\",\"causes\":[\"LOW_INCOME\"]}")).andExpect(status().isOk());
        mvc.perform(post(CASES + "/" + first + "/closure").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"MOVED_AWAY\"}")).andExpect(status().isOk());
        String second = identify(headId, HEAD_NAME);
        assertThat(second).isNotEqualTo(first);
        mvc.perform(post(CASES + "/" + first + "/reopening").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reasonCode\":\"CLOSED_IN_ERROR\"}")).andExpect(status().isConflict());
        read(first).andExpect(jsonPath("$.status").value("CLOSED"));
        // closed cases leave the sparse index: two of them and a new open one live side by side
        mvc.perform(post(CASES + "/" + second + "/closure").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                .content("{\"outcome\":\"DECLINED\"}")).andExpect(status().isOk());
        identify(headId, HEAD_NAME);
    }

    @Test
    void aRetriedPaymentPaysOnceAndOverpaymentIsRefused() throws Exception {
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = reviewedCase(asOfficer, 100_000, 50_000);
        approve(id, line, staff(YUNXI, "aid-approver")).andExpect(status().isOk());
        String key = unique("pay");

        String first = pay(id, key, "LIVING", 80_000).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("POSTED")).andReturn().getResponse().getContentAsString();
        String again = pay(id, key, "LIVING", 80_000).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(again, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
        read(id).andExpect(jsonPath("$.paidFen").value(80_000)).andExpect(jsonPath("$.unpaidFen").value(70_000))
                .andExpect(jsonPath("$.measures[0].paidFen").value(80_000));

        pay(id, unique("pay"), "LIVING", 30_000).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:payment-exceeds-approval"));
        pay(id, unique("pay"), "STUDY", 10_000).andExpect(status().isBadRequest());
        pay(id, unique("pay"), "MEDICAL", 50_000).andExpect(status().isCreated());
        pay(id, unique("pay"), "MEDICAL", 1).andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:payment-exceeds-approval"));
        read(id).andExpect(jsonPath("$.paidFen").value(130_000)).andExpect(jsonPath("$.unpaidFen").value(20_000));
    }

    @Test
    void ofTwoConcurrentApprovalsOneWins() throws Exception {
        String line = budgetLine(programmeCode, YUNXI_ID, YUNXI, "2026", 1_000_000);
        String id = reviewedCase(asOfficer, 100_000, 50_000);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> approvals = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RequestPostProcessor approver = staff(YUNXI, "aid-approver");
                approvals.add(() -> approve(id, line, approver).andReturn().getResponse().getStatus());
            }
            List<Integer> outcomes = new ArrayList<>();
            for (Future<Integer> outcome : pool.invokeAll(approvals)) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        read(id).andExpect(jsonPath("$.status").value("APPROVED")).andExpect(jsonPath("$.unpaidFen").value(150_000));
        mvc.perform(get("/api/aid/v1/budget-lines/" + line).with(staff(YUNXI, "aid-officer")))
                .andExpect(jsonPath("$.availableFen").value(850_000));
    }

    @Test
    void illegalTransitionsAndBadInputAreClientErrors() throws Exception {
        String id = identify(TestCitizenIds.adult(), HEAD_NAME);

        mvc.perform(post(CASES + "/" + id + "/relief").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"relievedOn\":\"2026-01-20\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:smartunion:problem:aid-status-conflict"))
                .andExpect(jsonPath("$.status").value("IDENTIFIED"));
        mvc.perform(put(CASES + "/" + id + "/measures").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("[{\"measure\":\"LIVING\",\"plannedFen\":100}]"))
                .andExpect(status().isConflict());
        mvc.perform(post(CASES + "/" + id + "/filing").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"DEEP\",\"causes\":[]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(CASES).with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgId":"%s","programmeCode":"%s","cycle":"2026","identifiedBy":"VISIT",
                                 "head":{"citizenIdNumber":"420322197001011234","legalName":"x"}}"""
                                .formatted(YUNXI_ID, programmeCode)))
                .andExpect(status().isBadRequest());
        mvc.perform(post(CASES).with(staff(YUNXI, "analyst")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"orgId":"%s","programmeCode":"%s","cycle":"2026","identifiedBy":"VISIT",
                                 "head":{"citizenIdNumber":"%s","legalName":"x"}}"""
                                .formatted(YUNXI_ID, programmeCode, TestCitizenIds.adult())))
                .andExpect(status().isForbidden());
    }

    // --- helpers

    private String reviewedCase(RequestPostProcessor filer, long livingFen, long medicalFen) throws Exception {
        String id = json(mvc.perform(post(CASES).with(filer).contentType(MediaType.APPLICATION_JSON)
                        .content(identifyBody(TestCitizenIds.adult(), HEAD_NAME)))
                .andExpect(status().isCreated()), "$.id");
        mvc.perform(post(CASES + "/" + id + "/filing").with(filer).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"DEEP\",\"causes\":[\"ILLNESS\"]}"))
                .andExpect(status().isOk());
        mvc.perform(put(CASES + "/" + id + "/measures").with(filer).contentType(MediaType.APPLICATION_JSON)
                        .content(measures(livingFen, medicalFen)))
                .andExpect(status().isOk());
        review(id, filer).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REVIEWED"));
        return id;
    }

    private String identify(String citizenId, String name) throws Exception {
        return json(identifyRequest(citizenId, name).andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IDENTIFIED")), "$.id");
    }

    private ResultActions identifyRequest(String citizenId, String name) throws Exception {
        return mvc.perform(post(CASES).with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                .content(identifyBody(citizenId, name)));
    }

    private String identifyBody(String citizenId, String name) {
        return """
                {"orgId":"%s","programmeCode":"%s","cycle":"2026","identifiedBy":"VISIT",
                 "head":{"citizenIdNumber":"%s","legalName":"%s"}}""".formatted(YUNXI_ID, programmeCode, citizenId,
                name);
    }

    private void planMeasures(String id, long livingFen, long medicalFen) throws Exception {
        mvc.perform(put(CASES + "/" + id + "/measures").with(asOfficer).contentType(MediaType.APPLICATION_JSON)
                        .content(measures(livingFen, medicalFen)))
                .andExpect(status().isOk());
    }

    private static String measures(long livingFen, long medicalFen) {
        return "[{\"measure\":\"LIVING\",\"plannedFen\":%d},{\"measure\":\"MEDICAL\",\"plannedFen\":%d}]"
                .formatted(livingFen, medicalFen);
    }

    private ResultActions review(String id, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(CASES + "/" + id + "/review").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"eligible\":true}"));
    }

    private ResultActions approve(String id, String line, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(CASES + "/" + id + "/approval").with(who).contentType(MediaType.APPLICATION_JSON)
                .content("{\"budgetLineId\":\"" + line + "\"}"));
    }

    private ResultActions pay(String id, String key, String measure, long amountFen) throws Exception {
        return mvc.perform(post(CASES + "/" + id + "/disbursements").with(asOfficer)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"idempotencyKey":"%s","measure":"%s","amountFen":%d,"channel":"BANK_TRANSFER",
                         "disbursedOn":"2026-01-15","bankCardNumber":"6222020200112233445"}"""
                        .formatted(key, measure, amountFen)));
    }

    private ResultActions read(String id) throws Exception {
        return mvc.perform(get(CASES + "/" + id).with(asOfficer)).andExpect(status().isOk());
    }

    private static String json(ResultActions result, String path) throws Exception {
        MvcResult done = result.andReturn();
        return JsonPath.read(done.getResponse().getContentAsString(), path);
    }

    private static String json(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
