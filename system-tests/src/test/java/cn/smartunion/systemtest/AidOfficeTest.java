package cn.smartunion.systemtest;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Events;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A county's aid office through the gateway, with the demo accounts of the local realm: yunxi.aid files (and may
 * approve others' records), yunxi.approver approves up to the county limit (5,000 yuan), shiyan.approver above it.
 * Programmes are defined by the city (city.admin is an aid officer of Shiyan). Money in fen.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AidOfficeTest {

    private static final String AID = "/api/aid/v1";
    private static final Set<String> PERSONAL_DATA = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger MINORS = new AtomicInteger();

    private static Suite suite;
    private static String gateway;
    private static String officer;
    private static String countyApprover;
    private static String cityApprover;
    private static String shiyanId;
    private static String yunxiId;
    private static LocalDate today;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        gateway = suite.gatewayUrl();
        officer = suite.userToken("yunxi.aid");
        countyApprover = suite.userToken("yunxi.approver");
        cityApprover = suite.userToken("shiyan.approver");
        MembershipApi membership = new MembershipApi(suite);
        String cityAdmin = suite.userToken("city.admin");
        shiyanId = membership.orgId(cityAdmin, "420300");
        yunxiId = membership.orgId(cityAdmin, "420322");
        await("aid-service learns the tree").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(gateway + AID + "/org-directory/" + yunxiId, officer).status() == 200);
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    @Order(1)
    void aCountyOfficerFilesACaseTheSameOfficerCannotApproveItAndLargeAmountsNeedTheCity() {
        String programme = programme("HARDSHIP", "CASE_FILE", "YEAR", "ANY_WORKER", false);
        String line = budgetLine(programme, "2026", 10_000_000);

        String small = filedAndReviewedCase(programme, 400_000);
        Http.Answer byFiler = post("/hardship-cases/" + small + "/approval", officer, Map.of("budgetLineId", line));
        assertThat(byFiler.status()).as(byFiler.toString()).isEqualTo(403);
        assertThat(byFiler.json().path("reason").asString()).isEqualTo("APPROVER_IS_FILER");
        Http.Answer byCounty = post("/hardship-cases/" + small + "/approval", countyApprover,
                Map.of("budgetLineId", line));
        assertThat(byCounty.status()).as(byCounty.toString()).isEqualTo(200);
        assertThat(byCounty.json().path("status").asString()).isEqualTo("APPROVED");

        String large = filedAndReviewedCase(programme, 800_000);
        Http.Answer countyTooLow = post("/hardship-cases/" + large + "/approval", countyApprover,
                Map.of("budgetLineId", line));
        assertThat(countyTooLow.status()).as(countyTooLow.toString()).isEqualTo(403);
        assertThat(countyTooLow.json().path("reason").asString()).isEqualTo("LEVEL_TOO_LOW");
        assertThat(countyTooLow.json().path("requiredLevel").asString()).isEqualTo("CITY");
        Http.Answer byCity = post("/hardship-cases/" + large + "/approval", cityApprover,
                Map.of("budgetLineId", line));
        assertThat(byCity.status()).as(byCity.toString()).isEqualTo(200);

        // scoped like membership: the sibling county sees nothing, the city sees its counties
        Http.Answer sibling = Http.get(gateway + AID + "/hardship-cases/" + small, suite.userToken("county2.admin"));
        assertThat(sibling.status()).as(sibling.toString()).isEqualTo(404);
        assertThat(sibling.isProblem()).isTrue();
        Http.Answer siblingList = Http.get(gateway + AID + "/hardship-cases?size=100",
                suite.userToken("county2.admin"));
        assertThat(siblingList.body()).doesNotContain(small, large);
        Http.Answer city = Http.get(gateway + AID + "/hardship-cases/" + small, suite.userToken("city.admin"));
        assertThat(city.status()).as(city.toString()).isEqualTo(200);
        assertThat(city.json().path("orgId").asString()).isEqualTo(yunxiId);
    }

    /**
     * Straight to aid-service with the realm's tokens: at a production gateway one approver's 200 simultaneous calls
     * would mostly get 429 from the per-user limit (bursts of 60), which is the edge doing its job, not what is checked
     * here.
     */
    @Test
    @Order(2)
    void twoHundredConcurrentApprovalsAgainstABudgetThatCoversOneHundredFiftyApproveExactlyOneHundredFifty()
            throws Exception {
        String aidService = suite.serviceUrl(Deployable.AID);
        String programme = programme("GRANT", "ONE_OFF_SERVICE", "YEAR", "ANY_WORKER", false);
        long amount = 100_000;
        String line = budgetLine(programme, "2026", 150 * amount);
        List<String> applications = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> submitted = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                submitted.add(pool.submit(() -> {
                    People.Person worker = person();
                    Http.Answer answer = Http.post(aidService + AID + "/aid-applications", officer, Map.of(
                            "programmeCode", programme,
                            "orgId", yunxiId, "cycle", "2026", "applicant", Map.of("citizenIdNumber",
                                    worker.citizenIdNumber(), "legalName", worker.legalName()),
                            "requestedFen", amount), Map.of());
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                    return answer.json().path("id").asString();
                }));
            }
            for (Future<String> id : submitted) {
                applications.add(id.get(2, TimeUnit.MINUTES));
            }
            Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            List<Future<?>> approvals = new ArrayList<>();
            for (String id : applications) {
                approvals.add(pool.submit(() -> {
                    Http.Answer answer = Http.post(aidService + AID + "/aid-applications/" + id + "/approval",
                            countyApprover, Map.of("budgetLineId", line), Map.of());
                    answers.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 409) {
                        assertThat(answer.json().path("type").asString())
                                .isEqualTo("urn:smartunion:problem:budget-exhausted");
                    }
                }));
            }
            for (Future<?> approval : approvals) {
                approval.get(2, TimeUnit.MINUTES);
            }
            System.out.printf("AidOfficeTest: 200 approvals, 20 at a time, against a budget for 150: %s in %d ms%n",
                    answers, Duration.ofNanos(System.nanoTime() - started).toMillis());
            assertThat(answers.keySet()).as(answers.toString()).containsOnly(200, 409);
            assertThat(answers.get(200)).hasValue(150);
            assertThat(answers.get(409)).hasValue(50);
        } finally {
            pool.shutdownNow();
        }
        JsonNode budget = Http.get(gateway + AID + "/budget-lines/" + line, officer).json();
        assertThat(budget.path("availableFen").asLong()).isZero();
        assertThat(budget.path("committedFen").asLong()).isEqualTo(150 * amount);
        Http.Answer approved = Http.get(gateway + AID + "/aid-applications?status=APPROVED&size=1&programmeCode="
                + programme, officer);
        assertThat(approved.json().path("totalItems").asLong()).isEqualTo(150);
    }

    @Test
    @Order(3)
    void aSecondAutumnStudyGrantToTheSameStudentInTheSameCycleIsRefused() {
        String programme = programme("SCHOOL", "CAMPAIGN", "YEAR", "ANY_WORKER", true);
        String student = minor();
        Map<String, Object> studentDetails = Map.of("citizenIdNumber", student, "legalName", "王小雨",
                "school", "郧西县第二中学", "studyLevel", "SENIOR_SECONDARY");
        PERSONAL_DATA.add("王小雨");
        PERSONAL_DATA.add("郧西县第二中学");
        People.Person mother = person();
        People.Person father = person();
        Http.Answer first = post("/aid-applications", officer, Map.of("programmeCode", programme, "orgId", yunxiId,
                "cycle", "2026", "applicant", Map.of("citizenIdNumber", mother.citizenIdNumber(), "legalName",
                        mother.legalName()), "student", studentDetails, "requestedFen", 200_000));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Http.Answer second = post("/aid-applications", officer, Map.of("programmeCode", programme, "orgId", yunxiId,
                "cycle", "2026", "applicant", Map.of("citizenIdNumber", father.citizenIdNumber(), "legalName",
                        father.legalName()), "student", studentDetails, "requestedFen", 200_000));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().path("type").asString())
                .isEqualTo("urn:smartunion:problem:already-granted-in-cycle");
        assertThat(second.body()).doesNotContain(student, "王小雨");
    }

    @Test
    @Order(4)
    void aTerminatedMembersNewMutualAidClaimIsRefusedWithAClearReason() {
        String countyAdmin = suite.userToken("county.admin");
        People.Person worker = person();
        Map<String, Object> entry = new HashMap<>(Map.of("orgId", yunxiId, "legalName", worker.legalName(),
                "citizenIdNumber", worker.citizenIdNumber(), "joinChannel", "ONLINE_APPLICATION",
                "effectiveOn", "2026-01-01"));
        Http.Answer registered = Http.post(gateway + "/api/membership/v1/members", countyAdmin, entry,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String memberId = registered.json().path("id").asString();
        awaitStanding(memberId, "ACTIVE");

        String programme = programme("MUTUAL", "MUTUAL_AID", "YEAR", "MEMBERS", false);
        String line = budgetLine(programme, "2026", 10_000_000);
        Http.Answer plan = post("/mutual-aid-plans", officer, Map.of("programmeCode", programme, "orgId", yunxiId,
                "planYear", 2026, "coveredDiseases", List.of("ICD10:C50", "ICD10:I21"), "contributionFen", 5_000,
                "maxPayoutFen", 3_000_000, "annualLimitFen", 5_000_000, "budgetLineId", line));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        Http.Answer enrolled = post("/mutual-aid-enrolments", officer, Map.of("planId",
                plan.json().path("id").asString(), "memberId", memberId, "paidBy", "UNION",
                "socialInsurance", "EMPLOYEE_MEDICAL"));
        assertThat(enrolled.status()).as(enrolled.toString()).isEqualTo(201);

        Http.Answer terminated = Http.post(gateway + "/api/membership/v1/members/" + memberId + "/terminate",
                countyAdmin, Map.of("reasonCode", "VOLUNTARY_EXIT", "effectiveOn", today.toString()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(terminated.status()).as(terminated.toString()).isEqualTo(200);
        awaitStanding(memberId, "TERMINATED");

        Http.Answer claim = post("/mutual-aid-claims", officer, Map.of("enrolmentId",
                enrolled.json().path("id").asString(), "illnessOn", today.toString(), "diseaseCode", "ICD10:C50",
                "medicalCostFen", 2_000_000, "claimedFen", 1_000_000));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(422);
        assertThat(claim.isProblem()).isTrue();
        assertThat(claim.body()).contains("MEMBERSHIP_TERMINATED");
    }

    @Test
    @Order(5)
    void aNonMemberWorkerCanReceiveASummerCoolingDistribution() {
        String programme = programme("SUMMER", "CAMPAIGN", "SEASON", "ANY_WORKER", false);
        String cycle = today.getYear() + "-SUMMER";
        String line = budgetLine(programme, cycle, 1_000_000);
        Http.Answer campaign = post("/campaigns", officer, Map.of("programmeCode", programme, "orgId", yunxiId,
                "cycle", cycle, "budgetLineId", line, "title", "夏送清凉 系统测试",
                "startsOn", today.withDayOfYear(1).toString(), "endsOn", today.plusDays(30).toString()));
        assertThat(campaign.status()).as(campaign.toString()).isEqualTo(201);
        String campaignId = campaign.json().path("id").asString();
        Http.Answer launched = post("/campaigns/" + campaignId + "/launch", officer, Map.of());
        assertThat(launched.status()).as(launched.toString()).isEqualTo(200);

        People.Person worker = person();
        Http.Answer delivered = post("/campaigns/" + campaignId + "/deliveries", officer, Map.of(
                "beneficiary", Map.of("type", "NON_MEMBER_WORKER", "person", Map.of("citizenIdNumber",
                        worker.citizenIdNumber(), "legalName", worker.legalName()), "groupTags",
                        List.of("SANITATION_WORKER")),
                "cashFen", 0, "inKindFen", 8_000, "deliveredOn", today.toString(), "channel", "IN_KIND"));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(201);
        assertThat(delivered.body()).doesNotContain(worker.citizenIdNumber(), worker.legalName());
    }

    @Test
    @Order(100)
    void eventsOnKafkaAndDocumentsInTheStoreContainNoPlaintextPersonalData() {
        assertThat(PERSONAL_DATA).hasSizeGreaterThan(200);
        List<String> events = aidEvents();
        assertThat(events).as("aid events on Kafka").hasSizeGreaterThan(350);
        List<String> documents = new ArrayList<>();
        try (MongoClient client = MongoClients.create(suite.mongoUri("aid"))) {
            MongoDatabase aid = client.getDatabase("aid");
            for (String collection : aid.listCollectionNames()) {
                for (Document document : aid.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
            }
        }
        assertThat(documents).as("aid documents").hasSizeGreaterThan(350);
        for (String value : PERSONAL_DATA) {
            assertThat(events).as("Kafka").noneMatch(event -> event.contains(value));
            assertThat(documents).as("MongoDB").noneMatch(document -> document.contains(value));
        }
    }

    private String filedAndReviewedCase(String programme, long plannedFen) {
        People.Person head = person();
        People.Person spouse = person();
        Http.Answer identified = post("/hardship-cases", officer, Map.of("orgId", yunxiId, "programmeCode",
                programme, "cycle", "2026", "identifiedBy", "VISIT", "head", Map.of("citizenIdNumber",
                        head.citizenIdNumber(), "legalName", head.legalName())));
        assertThat(identified.status()).as(identified.toString()).isEqualTo(201);
        String id = identified.json().path("id").asString();
        Http.Answer filed = post("/hardship-cases/" + id + "/filing", officer, Map.of("category", "RELATIVE",
                "causes", List.of("ILLNESS"), "householdMembers", List.of(Map.of("citizenIdNumber",
                        spouse.citizenIdNumber(), "legalName", spouse.legalName(), "relation", "SPOUSE"))));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(200);
        Http.Answer reviewed = post("/hardship-cases/" + id + "/review", countyApprover, Map.of("eligible", true));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        Http.Answer measures = Http.put(gateway + AID + "/hardship-cases/" + id + "/measures", officer,
                List.of(Map.of("measure", "LIVING", "plannedFen", plannedFen)), Map.of());
        assertThat(measures.status()).as(measures.toString()).isEqualTo(200);
        return id;
    }

    private void awaitStanding(String memberId, String standing) {
        await("aid-service learns the member is " + standing).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    Http.Answer answer = Http.get(gateway + AID + "/member-standings/" + memberId, officer);
                    return answer.status() == 200 && answer.json().path("standing").asString().equals(standing);
                });
    }

    private static String programme(String prefix, String kind, String cycleKind, String audience,
                                     boolean oncePerCycle) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer answer = post("/programmes", suite.userToken("city.admin"), Map.of("code", code, "name", prefix,
                "kind", kind, "ownerOrgId", shiyanId, "cycleKind", cycleKind, "oncePerCycle", oncePerCycle,
                "eligibility", Map.of("audience", audience)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return code;
    }

    private static String budgetLine(String programme, String cycle, long allocatedFen) {
        Http.Answer answer = post("/budget-lines", officer, Map.of("programmeCode", programme, "orgId", yunxiId,
                "cycle", cycle, "fundingSource", "CENTRAL_SPECIAL_FUNDS", "title", "系统测试",
                "allocatedFen", allocatedFen));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().path("id").asString();
    }

    private static Http.Answer post(String path, String token, Object body) {
        return Http.post(gateway + AID + path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static People.Person person() {
        People.Person person = People.newPerson("420322");
        PERSONAL_DATA.add(person.citizenIdNumber());
        PERSONAL_DATA.add(person.legalName());
        return person;
    }

    private static String minor() {
        int n = MINORS.incrementAndGet() + (int) (System.nanoTime() % 500);
        String body = "420322" + LocalDate.of(2011, 1, 1).plusDays(n * 11L % 1500).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        String id = body + "10X98765432".charAt(sum % 11);
        PERSONAL_DATA.add(id);
        return id;
    }

    private static List<String> aidEvents() {
        return new Events(suite).readAll(List.of("aid.case.v1", "aid.campaign.v1", "aid.application.v1",
                    "aid.disbursement.v1", "aid.mutual-aid.v1"));
    }
}
