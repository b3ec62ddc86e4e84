package cn.smartunion.systemtest.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;

import static org.awaitility.Awaitility.await;

/**
 * Real records of two sibling counties of Shiyan, Yunxi (county.admin) and Zhushan (county2.admin), in every service,
 * entered through the gateway the way each county's union office would: a member, a hardship case file, a dispute case,
 * a 12351 work order the provincial centre dispatched to the county, a draft competition, a published one with an
 * entry, and the county's figures in statistics-service.
 */
final class TwoCounties {

    /** One county's records. */
    record County(String name, String code, String orgId, String orgPath, String adminUser, String memberId,
            String caseId, String disputeId, String workOrderId, String draftCompetitionId,
            String publishedCompetitionId, String entryId) {

        /** Every id of the county's own records, to look for in an answer to someone out of scope. */
        List<String> recordIds() {
            return List.of(memberId, caseId, disputeId, workOrderId, draftCompetitionId, entryId);
        }
    }

    final County yunxi;
    final County zhushan;
    final String shiyanId;

    private TwoCounties(County yunxi, County zhushan, String shiyanId) {
        this.yunxi = yunxi;
        this.zhushan = zhushan;
        this.shiyanId = shiyanId;
    }

    static TwoCounties enter(Suite suite) {
        String provAdmin = suite.userToken("prov.admin");
        MembershipApi membership = new MembershipApi(suite);
        String hubeiId = membership.orgId(provAdmin, "420000");
        String shiyanId = membership.orgId(provAdmin, "420300");
        String programme = "ISO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        expect(201, Http.post(suite.gatewayUrl() + "/api/aid/v1/programmes", suite.userToken("city.admin"), Map.of(
                "code", programme, "name", "隔离测试", "kind", "CASE_FILE", "ownerOrgId", shiyanId,
                "cycleKind", "YEAR", "oncePerCycle", false, "eligibility", Map.of("audience", "ANY_WORKER")), key()));
        County yunxi = county(suite, membership, "郧西", "420322", "county.admin", hubeiId, programme);
        County zhushan = county(suite, membership, "竹山", "420323", "county2.admin", hubeiId, programme);
        return new TwoCounties(yunxi, zhushan, shiyanId);
    }

    private static County county(Suite suite, MembershipApi membership, String name, String code, String adminUser,
            String hubeiId, String programme) {
        String gateway = suite.gatewayUrl();
        String admin = suite.userToken(adminUser);
        String orgId = membership.orgId(admin, code);
        String orgPath = "420000/420300/" + code;
        awaitServicesKnow(suite, orgId, admin);
        String memberId = membership.registeredMember(admin, orgId, People.newPerson(code)).path("id").asString();
        People.Person head = People.newPerson(code);
        String caseId = expect(201, Http.post(gateway + "/api/aid/v1/hardship-cases", admin, Map.of("orgId", orgId,
                "programmeCode", programme, "cycle", "2026", "identifiedBy", "VISIT", "head", Map.of(
                        "citizenIdNumber", head.citizenIdNumber(), "legalName", head.legalName())), key()))
                .json().path("id").asString();
        String disputeId = openDispute(suite, admin, orgId, code);
        String centre = suite.userToken("prov.12351");
        String workOrderId = expect(201, Http.post(gateway + "/api/rights/v1/work-orders", centre, Map.of(
                "orgId", hubeiId, "channel", "PHONE", "category", "COMPLAINT", "complexity", "DIFFICULT",
                "callerPhone", People.newPerson(code).mobilePhone(), "summary", "讨薪：工地拖欠工资"), key()))
                .json().path("id").asString();
        expect(200, Http.post(gateway + "/api/rights/v1/work-orders/" + workOrderId + "/dispatch", centre,
                Map.of("toOrgId", orgId), key()));
        String draftCompetitionId = competition(suite, admin, orgId);
        String publishedCompetitionId = publishedCompetition(suite, admin, orgId);
        People.Person welder = People.newPerson(code);
        String entryId = expect(201, Http.post(gateway + "/api/competition/v1/competitions/" + publishedCompetitionId
                + "/entries", admin, Map.of("entrantType", "INDIVIDUAL", "orgId", orgId, "trade", "WELDER",
                "participants", List.of(Map.of("citizenIdNumber", welder.citizenIdNumber(),
                        "legalName", welder.legalName()))), key())).json().path("id").asString();
        return new County(name, code, orgId, orgPath, adminUser, memberId, caseId, disputeId, workOrderId,
                draftCompetitionId, publishedCompetitionId, entryId);
    }

    /** Waits until every service that follows the union tree from membership's events knows the organisation. */
    static void awaitServicesKnow(Suite suite, String orgId, String token) {
        for (Deployable service : List.of(Deployable.AID, Deployable.RIGHTS, Deployable.COMPETITION,
                Deployable.STATISTICS)) {
            await(service.artifactId() + " learns the tree").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(300)).until(() -> Http.get(suite.serviceUrl(service)
                            + service.apiPrefix() + "/v1/org-directory/" + orgId, token).status() == 200);
        }
    }

    static String openDispute(Suite suite, String token, String orgId, String countyCode) {
        People.Person worker = People.newPerson(countyCode);
        return expect(201, Http.post(suite.gatewayUrl() + "/api/rights/v1/dispute-cases", token, Map.of(
                "orgId", orgId, "intake", "WALK_IN", "claimTypes", List.of("WAGE_ARREARS"), "workers", List.of(Map.of(
                        "citizenIdNumber", worker.citizenIdNumber(), "legalName", worker.legalName())),
                "employer", Map.of("creditCode", "91420300MA4F00001U", "name", "某建筑劳务有限公司"),
                "amountClaimedFen", 1_200_000, "collective", false, "crossProvince", false), key()))
                .json().path("id").asString();
    }

    /** A county skills competition open to every worker (not only members), published with registration open. */
    static String publishedCompetition(Suite suite, String token, String orgId) {
        String id = competition(suite, token, orgId);
        expect(200, Http.post(suite.gatewayUrl() + "/api/competition/v1/competitions/" + id + "/publication", token,
                Map.of(), key()));
        return id;
    }

    private static String competition(Suite suite, String token, String orgId) {
        Instant now = Instant.now();
        Map<String, Object> competition = new LinkedHashMap<>();
        competition.put("orgId", orgId);
        competition.put("name", LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() + "年县级焊工技能竞赛");
        competition.put("brand", "县域工匠杯");
        competition.put("type", "SKILLS");
        competition.put("level", "COUNTY");
        competition.put("competitionClass", "SECOND");
        competition.put("trades", List.of("WELDER"));
        competition.put("entrantTypes", List.of("INDIVIDUAL"));
        competition.put("eligibility", Map.of("membersOnly", false, "minAge", 18, "maxAge", 60));
        competition.put("registrationWindow", Map.of("opensAt", now.minusSeconds(60).toString(),
                "closesAt", now.plus(Duration.ofDays(7)).toString()));
        competition.put("stages", List.of(Map.of("code", "FINAL", "name", "决赛")));
        return expect(201, Http.post(suite.gatewayUrl() + "/api/competition/v1/competitions", token, competition,
                key())).json().path("id").asString();
    }

    static Http.Answer expect(int status, Http.Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + answer);
        }
        return answer;
    }

    static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }
}
