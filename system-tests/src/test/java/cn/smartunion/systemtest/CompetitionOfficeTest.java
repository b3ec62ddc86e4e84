package cn.smartunion.systemtest;

import cn.smartunion.systemtest.suite.Events;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A city's skills competition through the gateway, with the demo accounts of the local realm: city.admin (Shiyan)
 * organises, worker.demo registers themselves, county.admin (Yunxi) registers a team of five on its workers' behalf and
 * nominates, judge.one … judge.four judge (judge.two is the chief judge), prov.admin confers provincial honours. The
 * judges are members whose records they claimed, so competition-service knows their grassroots unions: judge.one
 * belongs to the team's union (Y0001).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompetitionOfficeTest {

    private static final String API = "/api/competition/v1";
    private static final String STAGE = "FINAL";
    private static final Set<String> PERSONAL_DATA = ConcurrentHashMap.newKeySet();

    private static Suite suite;
    private static String gateway;
    private static MembershipApi membership;
    private static String hubeiId;
    private static String shiyanId;
    private static String yunxiId;
    private static String y0001Id;
    private static LocalDate today;

    private static String workerMemberId;
    private static final List<String> JUDGE_MEMBER_IDS = new ArrayList<>();
    private static String competitionId;
    private static String workerEntryId;
    private static String teamEntryId;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        gateway = suite.gatewayUrl();
        membership = new MembershipApi(suite);
        String provAdmin = token("prov.admin");
        hubeiId = membership.orgId(provAdmin, "420000");
        shiyanId = membership.orgId(provAdmin, "420300");
        yunxiId = membership.orgId(provAdmin, "420322");
        y0001Id = membership.orgId(provAdmin, "Y0001");
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        await("competition-service learns the tree").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(gateway + API + "/org-directory/" + y0001Id, token("city.admin")).status() == 200);
    }

    @Test
    @Order(1)
    void anOrganiserPublishesASkillsCompetitionAMemberRegistersAUnionAdminRegistersATeamAndANonMemberIsRefused() {
        String county = token("county.admin");
        // the worker and five team members are entered by their county union; the worker claims their record
        People.Person worker = person();
        workerMemberId = membership.registeredMember(county, membership.orgId(county, "Y0002"), worker)
                .path("id").asString();
        claim("worker.demo", worker);
        List<Map<String, Object>> team = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            People.Person welder = person();
            String memberId = membership.registeredMember(county, y0001Id, welder).path("id").asString();
            team.add(Map.of("citizenIdNumber", welder.citizenIdNumber(), "legalName", welder.legalName(),
                    "memberId", memberId, "captain", i == 0));
        }
        // judge.one works in the team's grassroots union; the other judges in Suizhou
        String provAdmin = token("prov.admin");
        String s0001 = membership.orgId(provAdmin, "S0001");
        for (String judge : List.of("judge.one", "judge.two", "judge.three", "judge.four")) {
            People.Person person = person();
            boolean sameUnionAsTheTeam = judge.equals("judge.one");
            JUDGE_MEMBER_IDS.add(membership.registeredMember(sameUnionAsTheTeam ? county : provAdmin,
                    sameUnionAsTheTeam ? y0001Id : s0001, person).path("id").asString());
            claim(judge, person);
        }

        String organiser = token("city.admin");
        Instant now = Instant.now();
        Map<String, Object> competition = new LinkedHashMap<>();
        competition.put("orgId", shiyanId);
        competition.put("name", "2026年十堰市“车城工匠杯”焊工职业技能竞赛");
        competition.put("brand", "车城工匠杯");
        competition.put("type", "SKILLS");
        competition.put("level", "CITY");
        competition.put("competitionClass", "SECOND");
        competition.put("coOrganisers", List.of(Map.of("kind", "HR_DEPARTMENT", "name", "十堰市人力资源和社会保障局")));
        competition.put("trades", List.of("WELDER"));
        competition.put("entrantTypes", List.of("INDIVIDUAL", "TEAM"));
        competition.put("eligibility", Map.of("membersOnly", true, "minAge", 18, "maxAge", 60));
        competition.put("registrationWindow", Map.of("opensAt", now.minusSeconds(60).toString(),
                "closesAt", now.plus(Duration.ofDays(7)).toString()));
        competition.put("stages", List.of(Map.of("code", STAGE, "name", "决赛")));
        Http.Answer created = post("/competitions", organiser, competition);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        competitionId = created.json().path("id").asString();
        Http.Answer published = post("/competitions/" + competitionId + "/publication", organiser, Map.of());
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        assertThat(published.json().path("registrationOpen").asBoolean()).isTrue();

        // the member registers themselves once competition-service has heard of their claimed record
        Http.Answer self = until(201, () -> post("/competitions/" + competitionId + "/entries/self",
                token("worker.demo"), Map.of("citizenIdNumber", worker.citizenIdNumber(),
                        "legalName", worker.legalName(), "trade", "WELDER")));
        workerEntryId = self.json().path("id").asString();
        assertThat(self.json().path("participants").get(0).path("memberId").asString()).isEqualTo(workerMemberId);
        assertThat(self.body()).doesNotContain(worker.citizenIdNumber(), worker.legalName());

        // the county union's admin registers a team of five on the workers' behalf: actor and subjects recorded
        Http.Answer teamEntry = until(201, () -> post("/competitions/" + competitionId + "/entries",
                token("county.admin"), Map.of("entrantType", "TEAM", "orgId", y0001Id, "trade", "WELDER",
                        "teamName", "郧西快递物流焊接班组", "participants", team)));
        teamEntryId = teamEntry.json().path("id").asString();
        assertThat(teamEntry.json().path("registeredBy").path("kind").asString()).isEqualTo("UNION_ADMIN");
        assertThat(teamEntry.json().path("participants")).hasSize(5);
        Http.Answer mine = Http.get(gateway + API + "/me/entries", token("worker.demo"));
        assertThat(mine.body()).contains(workerEntryId).doesNotContain(teamEntryId);

        // a worker who is not a member is refused in a members-only competition
        People.Person outsider = person();
        Http.Answer refused = post("/competitions/" + competitionId + "/entries", token("county.admin"),
                Map.of("entrantType", "INDIVIDUAL", "orgId", y0001Id, "trade", "WELDER", "participants",
                        List.of(Map.of("citizenIdNumber", outsider.citizenIdNumber(),
                                "legalName", outsider.legalName()))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:smartunion:problem:not-eligible");
        assertThat(refused.json().path("reason").asString()).isEqualTo("NOT_A_MEMBER");
        assertThat(refused.body()).doesNotContain(outsider.citizenIdNumber(), outsider.legalName());
    }

    @Test
    @Order(2)
    void aJudgeFromTheTeamsGrassrootsUnionIsNotOfferedItAndCannotScoreIt() {
        String organiser = token("city.admin");
        Http.Answer scheme = put(stage("/marking-scheme"), organiser, Map.of(
                "criteria", List.of(
                        Map.of("code", "SIZE", "name", "尺寸精度", "kind", "MEASUREMENT", "maxMarks", 40),
                        Map.of("code", "FINISH", "name", "焊缝外观", "kind", "JUDGEMENT", "maxMarks", 60)),
                "minJudges", 3, "tieBreaks", List.of("HIGHER_JUDGEMENT_TOTAL"),
                "appealWindow", Suite.COMPETITION_MINIMUM_APPEAL_WINDOW.plusSeconds(3).toString(),
                "awardBands", List.of(
                        Map.of("fromRank", 1, "toRank", 1, "prizeClass", "FIRST", "title", "TECH_CHAMPION",
                                "skillLevel", "TECHNICIAN"),
                        Map.of("fromRank", 2, "toRank", 2, "prizeClass", "SECOND", "title", "TECH_EXPERT"))));
        assertThat(scheme.status()).as(scheme.toString()).isEqualTo(200);
        Http.Answer panel = until(200, () -> put(stage("/panel"), organiser,
                Map.of("judges", JUDGE_MEMBER_IDS, "chiefJudge", JUDGE_MEMBER_IDS.get(1))));
        assertThat(panel.json().path("chiefJudge").asString()).isEqualTo(JUDGE_MEMBER_IDS.get(1));

        Http.Answer offered = Http.get(gateway + API + stage("/my-entries"), token("judge.one"));
        assertThat(offered.status()).as(offered.toString()).isEqualTo(200);
        assertThat(offered.body()).contains(workerEntryId).doesNotContain(teamEntryId);
        Http.Answer conflicted = score("judge.one", teamEntryId, Map.of("FINISH", 3));
        assertThat(conflicted.status()).as(conflicted.toString()).isEqualTo(403);
        assertThat(conflicted.json().path("type").asString())
                .isEqualTo("urn:smartunion:problem:conflict-of-interest");
        assertThat(conflicted.json().path("reason").asString()).isEqualTo("SAME_UNION");
        assertThat(Http.get(gateway + API + stage("/my-entries"), token("judge.two")).body())
                .contains(workerEntryId, teamEntryId);

        // the worker: 40 + 2/3 × 60 = 80; the team: 20 + 3/3 × 60 = 80 — tied, the judgement total ranks the team first
        assertThat(score("judge.two", workerEntryId, Map.of("SIZE", 40, "FINISH", 2)).status()).isEqualTo(200);
        assertThat(score("judge.three", workerEntryId, Map.of("FINISH", 2)).status()).isEqualTo(200);
        assertThat(score("judge.four", workerEntryId, Map.of("FINISH", 2)).status()).isEqualTo(200);
        assertThat(score("judge.two", teamEntryId, Map.of("SIZE", 20, "FINISH", 3)).status()).isEqualTo(200);
        assertThat(score("judge.three", teamEntryId, Map.of("FINISH", 3)).status()).isEqualTo(200);
        assertThat(score("judge.four", teamEntryId, Map.of("FINISH", 3)).status()).isEqualTo(200);
        Http.Answer changedMind = score("judge.three", teamEntryId, Map.of("FINISH", 1));
        assertThat(changedMind.status()).as(changedMind.toString()).isEqualTo(409);
        assertThat(changedMind.json().path("type").asString()).isEqualTo("urn:smartunion:problem:score-final");
    }

    @Test
    @Order(3)
    void tamperingWithAStoredScoreIsDetectedByTheVerificationEndpoint() {
        String verification = API + "/competitions/" + competitionId + "/score-ledger/verification";
        JsonNode intact = Http.get(gateway + verification, token("city.admin")).json();
        assertThat(intact.path("valid").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.path("entries").asInt()).isEqualTo(8);

        try (MongoClient client = MongoClients.create(suite.mongoUri("competition"))) {
            MongoCollection<Document> ledger = client.getDatabase("competition").getCollection("score_ledger");
            var third = Filters.and(Filters.eq("competitionId", competitionId), Filters.eq("seq", 3));
            String original = ledger.find(third).first().get("value").toString();
            ledger.updateOne(third, Updates.set("value", "3"));
            JsonNode tampered = Http.get(gateway + verification, token("city.admin")).json();
            ledger.updateOne(third, Updates.set("value", original));

            assertThat(tampered.path("valid").asBoolean()).as(tampered.toString()).isFalse();
            assertThat(tampered.path("firstInvalidSeq").asInt()).isEqualTo(3);
            assertThat(tampered.path("problem").asString()).isEqualTo("HASH_MISMATCH");
        }
        assertThat(Http.get(gateway + verification, token("city.admin")).json().path("valid").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void anAppealInsideTheWindowChangesTheRankingWithAnAuditTrailAndOneAfterItIsRefused() {
        Http.Answer provisional = post(stage("/results"), token("judge.two"), Map.of());
        assertThat(provisional.status()).as(provisional.toString()).isEqualTo(200);
        assertThat(rankedEntries(provisional.json())).containsExactly(teamEntryId, workerEntryId);

        Http.Answer lodged = post(stage("/entries/" + workerEntryId + "/appeals"), token("worker.demo"),
                Map.of("grounds", "第三位评委对焊缝外观的评分与录像不符，请求复核", "criteria", List.of("FINISH")));
        assertThat(lodged.status()).as(lodged.toString()).isEqualTo(201);
        String appealId = lodged.json().path("appealId").asString();
        Http.Answer decided = post("/appeals/" + appealId + "/decision", token("judge.two"), Map.of(
                "outcome", "UPHELD", "reason", "复核录像，第三位评委评分有误",
                "corrections", List.of(Map.of("criterion", "FINISH", "judgeMemberId", JUDGE_MEMBER_IDS.get(2),
                        "value", 3, "reason", "复核录像"))));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        JsonNode correction = decided.json().path("decision").path("corrections").get(0);
        assertThat(correction.path("ledgerSeq").asLong()).isEqualTo(9);

        // the worker: 40 + 7/9 × 60 = 86.67, now first; the first version and the original score are kept
        JsonNode results = Http.get(gateway + API + stage("/results"), token("city.admin")).json();
        assertThat(results.path("version").asInt()).isEqualTo(2);
        assertThat(rankedEntries(results)).containsExactly(workerEntryId, teamEntryId);
        assertThat(results.path("ranking").get(0).path("totalMarks").asDouble()).isEqualTo(86.67);
        assertThat(results.path("versions").get(1).path("appealId").asString()).isEqualTo(appealId);
        assertThat(rankedEntries(results.path("versions").get(0))).containsExactly(teamEntryId, workerEntryId);
        JsonNode audit = Http.get(gateway + API + "/appeals/" + appealId, token("city.admin")).json();
        assertThat(audit.path("decision").path("decidedBy").asString()).isNotBlank();
        assertThat(audit.path("decision").path("corrections").get(0).path("correctsSeq").asLong())
                .isEqualTo(correction.path("correctsSeq").asLong());
        JsonNode verified = Http.get(gateway + API + "/competitions/" + competitionId
                + "/score-ledger/verification", token("city.admin")).json();
        assertThat(verified.path("valid").asBoolean()).isTrue();
        assertThat(verified.path("entries").asInt()).isEqualTo(9);

        Instant deadline = Instant.parse(results.path("appealDeadline").asString());
        await("the appeal window closes").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().isAfter(deadline.plusMillis(500)));
        Http.Answer late = post(stage("/entries/" + teamEntryId + "/appeals"), token("county.admin"),
                Map.of("grounds", "请求复核尺寸精度", "criteria", List.of("SIZE")));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().path("type").asString()).isEqualTo("urn:smartunion:problem:appeal-window-closed");

        Http.Answer finalised = post(stage("/results/finalisation"), token("city.admin"), Map.of());
        assertThat(finalised.status()).as(finalised.toString()).isEqualTo(200);
        assertThat(finalised.json().path("status").asString()).isEqualTo("FINAL");
        await("the champion's title").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(gateway + API + "/me/titles", token("worker.demo")).body()
                        .contains("TECH_CHAMPION"));
        await("the title on the member's profile").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> Http.get(gateway + "/api/membership/v1/me", token("worker.demo")).json()
                        .path("recognitions").path("titles").toString().contains("TECH_CHAMPION"));
    }

    @Test
    @Order(5)
    void aConferredModelWorkerHonourIsOnTheMembersProfileAndVisibleToAid() {
        String province = token("prov.admin");
        Http.Answer selection = post("/honours/selections", province, Map.of("orgId", hubeiId,
                "type", "MODEL_WORKER", "level", "PROVINCIAL", "cycle", "2021-2025",
                "nominationOpens", today.minusDays(1).toString(), "nominationCloses", today.plusDays(30).toString(),
                "minFrontlineShare", 0.6));
        assertThat(selection.status()).as(selection.toString()).isEqualTo(201);
        String selectionId = selection.json().path("id").asString();

        String county = token("county.admin");
        Http.Answer nominated = post("/honours/selections/" + selectionId + "/nominations", county, Map.of(
                "orgId", yunxiId, "memberId", workerMemberId, "frontline", true,
                "citation", "扎根快递物流一线十二年，带徒三十余人"));
        assertThat(nominated.status()).as(nominated.toString()).isEqualTo(201);
        String nominationId = nominated.json().path("id").asString();
        Http.Answer byTheNominator = post("/honours/nominations/" + nominationId + "/decision", county,
                Map.of("decision", "APPROVE"));
        assertThat(byTheNominator.status()).as(byTheNominator.toString()).isIn(403, 404);
        Http.Answer approved = post("/honours/nominations/" + nominationId + "/decision", province,
                Map.of("decision", "APPROVE"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Http.Answer conferred = post("/honours/selections/" + selectionId + "/conferral", province,
                Map.of("conferredOn", today.toString()));
        assertThat(conferred.status()).as(conferred.toString()).isEqualTo(200);

        await("the honour on the member's profile in membership-service").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    JsonNode honours = Http.get(gateway + "/api/membership/v1/me", token("worker.demo")).json()
                            .path("recognitions").path("honours");
                    assertThat(honours.toString()).contains("MODEL_WORKER").contains("PROVINCIAL");
                });
        await("aid-service sees a model worker").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> {
                    JsonNode standing = Http.get(gateway + "/api/aid/v1/member-standings/" + workerMemberId,
                            token("yunxi.aid")).json();
                    assertThat(standing.path("modelWorker").asBoolean()).as(standing.toString()).isTrue();
                });
        JsonNode staffView = Http.get(gateway + "/api/membership/v1/members/" + workerMemberId, county).json();
        assertThat(staffView.path("recognitions").path("honours").toString()).contains("MODEL_WORKER");
    }

    @Test
    @Order(100)
    void eventsOnKafkaAndDocumentsInTheStoreContainNoPlaintextPersonalData() {
        assertThat(PERSONAL_DATA).hasSizeGreaterThanOrEqualTo(20);
        List<String> events = competitionEvents();
        assertThat(events).as("competition events on Kafka").hasSizeGreaterThanOrEqualTo(14);
        List<String> documents = new ArrayList<>();
        try (MongoClient client = MongoClients.create(suite.mongoUri("competition"))) {
            MongoDatabase competition = client.getDatabase("competition");
            for (String collection : competition.listCollectionNames()) {
                for (Document document : competition.getCollection(collection).find()) {
                    documents.add(document.toJson());
                }
            }
        }
        for (String value : PERSONAL_DATA) {
            assertThat(events).as("Kafka").noneMatch(event -> event.contains(value));
            assertThat(documents).as("MongoDB").noneMatch(document -> document.contains(value));
        }
    }

    private static void claim(String username, People.Person person) {
        Http.Answer claimed = Http.post(gateway + "/api/membership/v1/me/claim", token(username),
                Map.of("citizenIdNumber", person.citizenIdNumber(), "legalName", person.legalName()));
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
    }

    private static Http.Answer score(String judge, String entryId, Map<String, Integer> marks) {
        List<Map<String, Object>> scores = new ArrayList<>();
        marks.forEach((criterion, value) -> scores.add(Map.of("criterion", criterion, "value", value)));
        return post(stage("/entries/" + entryId + "/scores"), token(judge), Map.of("scores", scores));
    }

    private static List<String> rankedEntries(JsonNode results) {
        List<String> entries = new ArrayList<>();
        results.path("ranking").forEach(ranked -> entries.add(ranked.path("entryId").asString()));
        return entries;
    }

    /** Retries until the answer has {@code status}: another service's events may not have arrived yet. */
    private static Http.Answer until(int status, Supplier<Http.Answer> call) {
        Http.Answer[] last = new Http.Answer[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last[0] = call.get();
            return last[0].status() == status;
        });
        return last[0];
    }

    private static String stage(String path) {
        return "/competitions/" + competitionId + "/stages/" + STAGE + path;
    }

    private static String token(String username) {
        return suite.userToken(username);
    }

    private static Http.Answer post(String path, String token, Object body) {
        return Http.post(gateway + API + path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Http.Answer put(String path, String token, Object body) {
        return Http.put(gateway + API + path, token, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static People.Person person() {
        People.Person person = People.newPerson("420322");
        PERSONAL_DATA.add(person.citizenIdNumber());
        PERSONAL_DATA.add(person.legalName());
        return person;
    }

    private static List<String> competitionEvents() {
        return new Events(suite).readAll(List.of("competition.competition.v1", "competition.entry.v1",
                    "competition.judging.v1", "competition.honour.v1", "competition.innovation.v1"));
    }
}
