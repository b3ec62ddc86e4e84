package cn.smartunion.systemtest;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The provincial 12351 centre and the unions below it through the gateway, with the demo accounts: prov.12351
 * receives and dispatches, county.admin is a rights agent of Yunxi, county2.admin of Zhushan (its sibling),
 * city.admin of Shiyan above both. The suite's rights calendar has {@value Suite#RIGHTS_HOLIDAY} as a holiday and
 * {@value Suite#RIGHTS_MAKE_UP_WORKDAY} (a Saturday) as a make-up working day.
 */
class RightsOfficeTest {

    private static final String RIGHTS = "/api/rights/v1";

    private static Suite suite;
    private static String gateway;
    private static String centre;
    private static String yunxi;
    private static String hubeiId;
    private static String yunxiId;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        gateway = suite.gatewayUrl();
        centre = suite.userToken("prov.12351");
        yunxi = suite.userToken("county.admin");
        MembershipApi membership = new MembershipApi(suite);
        String admin = suite.userToken("city.admin");
        hubeiId = membership.orgId(suite.userToken("prov.admin"), "420000");
        yunxiId = membership.orgId(admin, "420322");
        await("rights-service learns the tree").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(gateway + RIGHTS + "/org-directory/" + yunxiId, yunxi).status() == 200);
    }

    @Test
    void anOrderDispatchedToYunxiIsSeenThereAndAboveButNotInZhushanAndTheGrantEndsWithTheOrder() {
        Http.Answer received = post("/work-orders", centre, Map.of("orgId", hubeiId, "channel", "PHONE",
                "category", "COMPLAINT", "complexity", "DIFFICULT", "callerPhone", "13900001234",
                "summary", "讨薪：某建筑工地拖欠三个月工资"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String order = received.json().path("id").asString();
        assertThat(received.body()).doesNotContain("13900001234");

        Http.Answer dispatched = post("/work-orders/" + order + "/dispatch", centre, Map.of("toOrgId", yunxiId));
        assertThat(dispatched.status()).as(dispatched.toString()).isEqualTo(200);

        assertThat(get("/work-orders/" + order, yunxi).status()).isEqualTo(200);
        Http.Answer sibling = get("/work-orders/" + order, suite.userToken("county2.admin"));
        assertThat(sibling.status()).as(sibling.toString()).isEqualTo(404);
        assertThat(sibling.isProblem()).isTrue();
        assertThat(get("/work-orders?size=100", suite.userToken("county2.admin")).body()).doesNotContain(order);
        assertThat(get("/work-orders/" + order, suite.userToken("city.admin")).status()).isEqualTo(200);

        assertThat(post("/work-orders/" + order + "/accept", yunxi, Map.of()).status()).isEqualTo(200);
        Http.Answer resolved = post("/work-orders/" + order + "/resolve", yunxi, Map.of("outcome", "ANSWERED",
                "amountRecoveredFen", 1_200_000));
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(post("/work-orders/" + order + "/rating", centre, Map.of("rating", 5)).status()).isEqualTo(200);
        Http.Answer closed = post("/work-orders/" + order + "/close", centre, Map.of());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);

        Http.Answer afterClose = get("/work-orders/" + order, yunxi);
        assertThat(afterClose.status()).as("the grant ended with the order: " + afterClose).isEqualTo(404);
        assertThat(get("/work-orders/" + order, centre).status()).isEqualTo(200);
    }

    @Test
    void aDifficultOrderReceivedOnAFridayAfternoonIsDueFiveWorkingDaysLaterOnTheProvincesCalendar() {
        Http.Answer received = post("/work-orders", centre, Map.of("orgId", hubeiId, "channel", "APP",
                "category", "DISPUTE", "complexity", "DIFFICULT", "summary", "咨询工伤认定",
                // Friday 25 September 2026, 15:00 in China
                "receivedAt", "2026-09-25T07:00:00Z"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        // Sat 26 (make-up day), Mon 28, Tue 29, Wed 30, (Thu 1 October a holiday), Fri 2 October
        assertThat(OffsetDateTime.parse(received.json().path("dueAt").asString()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-10-02T17:30:00+08:00").toInstant());
    }

    @Test
    void aDisputeGoesThroughLegalAidAFailedMediationAReferralAndAClosureAndRevealsHardshipToAid() {
        People.Person worker = People.newPerson("420322");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Map<String, Object> opening = Map.of("orgId", yunxiId, "intake", "WALK_IN", "claimTypes",
                List.of("WAGE_ARREARS"), "workers", List.of(Map.of("citizenIdNumber", worker.citizenIdNumber(),
                        "legalName", worker.legalName(), "groupTags", List.of("MIGRANT_WORKER"))),
                "employer", Map.of("creditCode", "91420300MA4F00001U", "name", "郧西某建筑劳务有限公司"),
                "amountClaimedFen", 3_600_000);
        Http.Answer invalid = post("/dispute-cases", yunxi, with(opening, "employer",
                Map.of("creditCode", "91420300MA4F00001X", "name", "郧西某建筑劳务有限公司")));
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().path("violations").path(0).path("field").asString()).isEqualTo("employer.creditCode");

        Http.Answer opened = post("/dispute-cases", yunxi, opening);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String dispute = opened.json().path("id").asString();
        assertThat(opened.body()).doesNotContain(worker.citizenIdNumber(), worker.legalName());

        expectOk(post("/dispute-cases/" + dispute + "/legal-aid", yunxi, Map.of("lawyerId", "lawyer-yx-01",
                "grantedOn", today)));
        expectOk(post("/dispute-cases/" + dispute + "/mediation-sessions", yunxi, Map.of("mechanism", "UNION",
                "partiesPresent", List.of("UNION", "HR_ARBITRATION"), "heldOn", today)));
        expectOk(post("/dispute-cases/" + dispute + "/mediation-failure", yunxi, Map.of("failedOn", today)));
        expectOk(post("/dispute-cases/" + dispute + "/referral", yunxi, Map.of("toBody", "ARBITRATION",
                "referredOn", today)));
        Http.Answer closed = post("/dispute-cases/" + dispute + "/closure", yunxi, Map.of("closureType",
                "ARBITRATION_AWARD", "amountRecoveredFen", 3_000_000, "workersBenefited", 1, "closedOn",
                today));
        expectOk(closed);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");

        Http.Answer referred = post("/dispute-cases/" + dispute + "/hardship-referrals", yunxi,
                Map.of("workerIndex", 0));
        assertThat(referred.status()).as(referred.toString()).isIn(200, 201);
        String aidOfficer = suite.userToken("yunxi.aid");
        await("aid-service receives the hardship referral").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    JsonNode inbox = Http.get(gateway + "/api/aid/v1/hardship-referrals?size=100", aidOfficer).json();
                    for (JsonNode referral : inbox.path("items")) {
                        if (referral.path("sourceId").asString().equals(dispute)) {
                            return true;
                        }
                    }
                    return false;
                });
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new java.util.HashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static void expectOk(Http.Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
    }

    private static Http.Answer get(String path, String token) {
        return Http.get(gateway + RIGHTS + path, token);
    }

    private static Http.Answer post(String path, String token, Object body) {
        return Http.post(gateway + RIGHTS + path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
