package cn.smartunion.systemtest.reliability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Events;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario 4 (issue 10): one {@code Idempotency-Key} sent 100 times by 10 threads released together on a
 * state-changing POST of each service that promises idempotency, straight to the service (at the gateway one user's
 * 100 simultaneous calls would mostly get 429 from the per-user limit, which is the edge's job, not what is checked).
 * Exactly one state change (counted in the service's own read API), exactly one event of the command's type on its
 * topic for the aggregate, and one distinct answer (status, body, content type and location; the request id, dates
 * and {@code Idempotent-Replayed} are each request's own).
 */
class IdempotentHttpTest {

    private static final int THREADS = 10;
    private static final int REQUESTS = 100;
    /** A CloudEvents type as the events carry it in {@code ce_type}, e.g. cn.smartunion.aid.application.submitted.v1. */
    private static final Pattern EVENT_TYPE = Pattern.compile("cn\\.smartunion\\.[a-z-]+\\.[a-z-]+\\.[a-z-]+\\.v\\d+");

    private static Suite suite;
    private static String countyAdmin;
    private static String yunxiId;
    private static String shiyanId;
    private static LocalDate today;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        countyAdmin = suite.userToken("county.admin");
        MembershipApi membership = new MembershipApi(suite);
        yunxiId = membership.orgId(countyAdmin, "420322");
        shiyanId = membership.orgId(suite.userToken("city.admin"), "420300");
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        TwoCounties.awaitServicesKnow(suite, yunxiId, countyAdmin);
    }

    @Test
    void membershipMemberEntryTakesEffectOnce() {
        // a union of its own, so the member list of that union counts exactly this test's entries
        Http.Answer union = Http.post(gateway("/api/membership/v1/orgs"), countyAdmin, Map.of("parentId", yunxiId,
                "code", "RI" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                "name", "郧西县幂等测试工会", "orgType", "GRASSROOTS_UNION"), key());
        assertThat(union.status()).as(union.toString()).isEqualTo(201);
        String unionId = union.json().path("id").asString();
        People.Person person = People.newPerson("420322");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("orgId", unionId);
        entry.put("legalName", person.legalName());
        entry.put("citizenIdNumber", person.citizenIdNumber());
        entry.put("mobilePhone", person.mobilePhone());
        entry.put("joinChannel", "ONLINE_APPLICATION");
        sameKeyConcurrently("membership member entry", Deployable.MEMBERSHIP, "/api/membership/v1/members", entry,
                first -> first.json().path("id").asString(),
                id -> total(Http.get(gateway("/api/membership/v1/members?size=1&orgId=" + unionId), countyAdmin)),
                "membership.member.v1", "cn.smartunion.membership.member.");
    }

    @Test
    void aidApplicationIsSubmittedOnce() {
        String programme = "IDEM-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Http.Answer created = Http.post(gateway("/api/aid/v1/programmes"), suite.userToken("city.admin"), Map.of(
                "code", programme, "name", "幂等测试", "kind", "ONE_OFF_SERVICE", "ownerOrgId", shiyanId,
                "cycleKind", "YEAR", "oncePerCycle", false, "eligibility", Map.of("audience", "ANY_WORKER")), key());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        People.Person applicant = People.newPerson("420322");
        String officer = suite.userToken("yunxi.aid");
        sameKeyConcurrently("aid application", Deployable.AID, "/api/aid/v1/aid-applications", Map.of(
                        "programmeCode", programme, "orgId", yunxiId, "cycle", Integer.toString(today.getYear()),
                        "applicant", Map.of("citizenIdNumber", applicant.citizenIdNumber(),
                                "legalName", applicant.legalName()), "requestedFen", 100_000),
                first -> first.json().path("id").asString(),
                id -> total(Http.get(gateway("/api/aid/v1/aid-applications?size=1&programmeCode=" + programme),
                        officer)),
                "aid.application.v1", "cn.smartunion.aid.application.submitted.v1", officer);
    }

    @Test
    void rightsMediationSessionIsRecordedOnce() {
        String dispute = TwoCounties.openDispute(suite, countyAdmin, yunxiId, "420322");
        sameKeyConcurrently("rights mediation session", Deployable.RIGHTS,
                "/api/rights/v1/dispute-cases/" + dispute + "/mediation-sessions", Map.of("mechanism", "UNION",
                        "partiesPresent", List.of("UNION", "HR_ARBITRATION"), "heldOn", today.toString()),
                first -> dispute,
                id -> Http.get(gateway("/api/rights/v1/dispute-cases/" + dispute), countyAdmin).json()
                        .path("mediationSessions").size(),
                "rights.dispute.v1", "cn.smartunion.rights.dispute.mediation-session-held.v1");
    }

    @Test
    void competitionRegistrationIsMadeOnce() {
        String competition = TwoCounties.publishedCompetition(suite, countyAdmin, yunxiId);
        People.Person welder = People.newPerson("420322");
        sameKeyConcurrently("competition registration", Deployable.COMPETITION,
                "/api/competition/v1/competitions/" + competition + "/entries", Map.of("entrantType", "INDIVIDUAL",
                        "orgId", yunxiId, "trade", "WELDER", "participants", List.of(Map.of(
                                "citizenIdNumber", welder.citizenIdNumber(), "legalName", welder.legalName()))),
                first -> first.json().path("id").asString(),
                id -> total(Http.get(gateway("/api/competition/v1/competitions/" + competition + "/entries?size=1"),
                        countyAdmin)),
                "competition.entry.v1", "cn.smartunion.competition.entry.");
    }

    private void sameKeyConcurrently(String name, Deployable service, String path, Object body,
            Function<Http.Answer, String> aggregateId, ToLongFunction<String> stateChanges, String topic,
            String eventTypePrefix) {
        sameKeyConcurrently(name, service, path, body, aggregateId, stateChanges, topic, eventTypePrefix,
                countyAdmin);
    }

    private void sameKeyConcurrently(String name, Deployable service, String path, Object body,
            Function<Http.Answer, String> aggregateId, ToLongFunction<String> stateChanges, String topic,
            String eventTypePrefix, String token) {
        Map<String, String> sameKey = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        String url = suite.serviceUrl(service) + path;
        ConcurrentLinkedQueue<Http.Answer> answers = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                running.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < REQUESTS / THREADS; i++) {
                        answers.add(Http.post(url, token, body, sameKey));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : running) {
                thread.get(2, TimeUnit.MINUTES);
            }
        }
        catch (Exception e) {
            throw new AssertionError(name + ": the concurrent requests did not finish", e);
        }
        finally {
            threads.shutdownNow();
        }

        Map<String, Integer> distinct = new TreeMap<>();
        Http.Answer first = answers.peek();
        for (Http.Answer answer : answers) {
            distinct.merge(comparable(answer), 1, Integer::sum);
        }
        assertThat(first.status()).as(first.toString()).isBetween(200, 201);
        String id = aggregateId.apply(first);
        long changes = stateChanges.applyAsLong(id);
        Map<String, Integer> eventsByType = eventsByType(topic, id, eventTypePrefix);
        long events = eventsByType.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("RELIABILITY idempotent-http %s: %d requests (%d threads), %d state change, %d event %s, "
                + "%d distinct answer%n", name, answers.size(), THREADS, changes, events, eventsByType.keySet(),
                distinct.size());
        assertThat(answers).hasSize(REQUESTS);
        assertThat(distinct).as(name + ": the answers").hasSize(1);
        assertThat(changes).as(name + ": state changes").isEqualTo(1);
        // an entry may be announced by more than one event type (registered, activated): each exactly once
        assertThat(eventsByType).as(name + ": events for " + id + " on " + topic).isNotEmpty()
                .allSatisfy((type, count) -> assertThat(count).as(type).isEqualTo(1));
    }

    /**
     * The events of the aggregate on the topic whose type starts with the prefix, counted by type. Earlier events of
     * the aggregate (a dispute's opening) have other types and are left out by the prefix.
     */
    private static Map<String, Integer> eventsByType(String topic, String aggregateId, String typePrefix) {
        Map<String, Integer> byType = new TreeMap<>();
        for (String event : new Events(suite).readAll(List.of(topic))) {
            if (!event.contains(aggregateId)) {
                continue;
            }
            Set<String> types = new TreeSet<>();
            Matcher type = EVENT_TYPE.matcher(event);
            while (type.find()) {
                if (type.group().startsWith(typePrefix)) {
                    types.add(type.group());
                }
            }
            types.forEach(found -> byType.merge(found, 1, Integer::sum));
        }
        return byType;
    }

    /** What a retry must see again: status, body, content type, location. */
    private static String comparable(Http.Answer answer) {
        return answer.status() + " " + answer.header("content-type").orElse("") + " "
                + answer.header("location").orElse("") + " " + answer.body();
    }

    private static long total(Http.Answer list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode total = list.json().path("totalItems");
        return total.asLong();
    }

    private static String gateway(String path) {
        return suite.gatewayUrl() + path;
    }

    private static Map<String, String> key() {
        return Map.of("Idempotency-Key", UUID.randomUUID().toString());
    }
}
