package cn.smartunion.systemtest.reliability;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import cn.smartunion.systemtest.reliability.TwoCounties.County;
import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.Suite;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario 5 (issue 10): two sibling counties of Shiyan, Yunxi and Zhushan, each with real records in every
 * service ({@link TwoCounties}). Every service gets 1,000 attempts straight to it, and 100 more through the gateway,
 * on its by-id reads, lists filtered to the sibling, and commands, each with a valid id of the other county: by the
 * sibling county's admin (every staff role), by a county admin of another city (Suizhou), and by a member of the other
 * county (wrong role). A leak is a 2xx on a by-id read or a command, or a 2xx list that holds any id of the sibling's
 * records or its org path: there must be none, and every refusal must be a 4xx problem. The positive control: the city
 * (Shiyan) reads the records of both counties in every service.
 *
 * <p>Through the gateway each user may send bursts of 60 and 300 a minute: the gateway attempts are spread over the
 * attackers, and a 429 is waited out (Retry-After) and sent again, not counted as an attempt.
 */
class TenantIsolationTest {

    private static final int DIRECT_ATTEMPTS_PER_SERVICE = 1_000;
    private static final int GATEWAY_ATTEMPTS_PER_SERVICE = 100;
    private static final String YEAR = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());

    private static Suite suite;
    private static TwoCounties counties;

    /** One way to reach a county's record: {@code list} routes may answer 2xx, but without the county's data. */
    private record Route(Deployable service, String label, String method, Function<County, String> path,
            Function<County, Object> body, boolean list) {
    }

    /** Someone out of the victim's scope. */
    private record Attacker(String user, County victim) {
    }

    private static final List<Route> ROUTES = List.of(
            read(Deployable.MEMBERSHIP, "GET member", c -> "/api/membership/v1/members/" + c.memberId()),
            list(Deployable.MEMBERSHIP, "GET members?orgId", c -> "/api/membership/v1/members?size=100&orgId="
                    + c.orgId()),
            read(Deployable.MEMBERSHIP, "GET org", c -> "/api/membership/v1/orgs/" + c.orgId()),
            list(Deployable.MEMBERSHIP, "GET orgs?under", c -> "/api/membership/v1/orgs?size=100&under=" + c.orgId()),
            command(Deployable.MEMBERSHIP, "PUT member group-tags", "PUT",
                    c -> "/api/membership/v1/members/" + c.memberId() + "/group-tags",
                    c -> Map.of("groupTags", List.of("隔离测试"))),
            command(Deployable.MEMBERSHIP, "POST member terminate", "POST",
                    c -> "/api/membership/v1/members/" + c.memberId() + "/terminate",
                    c -> Map.of("reasonCode", "OTHER")),

            read(Deployable.AID, "GET hardship case", c -> "/api/aid/v1/hardship-cases/" + c.caseId()),
            list(Deployable.AID, "GET hardship-cases?orgId", c -> "/api/aid/v1/hardship-cases?size=100&orgId="
                    + c.orgId()),
            read(Deployable.AID, "GET member standing", c -> "/api/aid/v1/member-standings/" + c.memberId()),
            command(Deployable.AID, "POST case filing", "POST", c -> "/api/aid/v1/hardship-cases/" + c.caseId()
                    + "/filing", c -> Map.of("category", "RELATIVE", "causes", List.of("ILLNESS"))),
            command(Deployable.AID, "POST case review", "POST", c -> "/api/aid/v1/hardship-cases/" + c.caseId()
                    + "/review", c -> Map.of("eligible", true)),

            read(Deployable.RIGHTS, "GET dispute case", c -> "/api/rights/v1/dispute-cases/" + c.disputeId()),
            read(Deployable.RIGHTS, "GET work order", c -> "/api/rights/v1/work-orders/" + c.workOrderId()),
            list(Deployable.RIGHTS, "GET dispute-cases?orgId", c -> "/api/rights/v1/dispute-cases?size=100&orgId="
                    + c.orgId()),
            list(Deployable.RIGHTS, "GET work-orders", c -> "/api/rights/v1/work-orders?size=100"),
            command(Deployable.RIGHTS, "POST dispute mediation session", "POST", c -> "/api/rights/v1/dispute-cases/"
                    + c.disputeId() + "/mediation-sessions", c -> Map.of("mechanism", "UNION",
                    "partiesPresent", List.of("UNION"), "heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai"))
                            .toString())),
            command(Deployable.RIGHTS, "POST work order note", "POST", c -> "/api/rights/v1/work-orders/"
                    + c.workOrderId() + "/notes", c -> Map.of("text", "隔离测试")),
            command(Deployable.RIGHTS, "POST work order accept", "POST", c -> "/api/rights/v1/work-orders/"
                    + c.workOrderId() + "/accept", c -> Map.of()),

            read(Deployable.COMPETITION, "GET draft competition", c -> "/api/competition/v1/competitions/"
                    + c.draftCompetitionId()),
            read(Deployable.COMPETITION, "GET entry", c -> "/api/competition/v1/entries/" + c.entryId()),
            read(Deployable.COMPETITION, "GET competition entries", c -> "/api/competition/v1/competitions/"
                    + c.publishedCompetitionId() + "/entries?size=100"),
            list(Deployable.COMPETITION, "GET entries?competitionId", c -> "/api/competition/v1/entries?size=100"
                    + "&competitionId=" + c.publishedCompetitionId()),
            command(Deployable.COMPETITION, "POST draft publication", "POST", c -> "/api/competition/v1/competitions/"
                    + c.draftCompetitionId() + "/publication", c -> Map.of()),
            command(Deployable.COMPETITION, "POST entry withdrawal", "POST", c -> "/api/competition/v1/entries/"
                    + c.entryId() + "/withdrawal", c -> Map.of()),

            read(Deployable.STATISTICS, "GET figures?orgPath", c -> "/api/statistics/v1/figures?period=" + YEAR
                    + "&orgPath=" + c.orgPath()),
            read(Deployable.STATISTICS, "GET figures by union", c -> "/api/statistics/v1/figures/membership.members"
                    + "/by-union?period=" + YEAR + "&orgPath=" + c.orgPath()),
            read(Deployable.STATISTICS, "GET org directory entry", c -> "/api/statistics/v1/org-directory/"
                    + c.orgId()),
            list(Deployable.STATISTICS, "GET org directory", c -> "/api/statistics/v1/org-directory?size=100"));

    @BeforeAll
    static void enterRecords() {
        suite = Suite.shared();
        counties = TwoCounties.enter(suite);
    }

    @Test
    void noCountySeesOrChangesItsSiblingsRecordsAndTheCitySeesBoth() throws Exception {
        positiveControl();

        List<Attacker> attackers = List.of(new Attacker("county.admin", counties.zhushan),
                new Attacker("county2.admin", counties.yunxi), new Attacker("suizhou.admin", counties.yunxi),
                new Attacker("suizhou.admin", counties.zhushan), new Attacker("member.demo", counties.zhushan));
        Map<String, Map<Integer, AtomicInteger>> statusesByRoute = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();
        Map<Deployable, AtomicInteger> directByService = new ConcurrentHashMap<>();
        Map<Deployable, AtomicInteger> gatewayByService = new ConcurrentHashMap<>();

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (Deployable service : Deployable.services()) {
                List<Route> routes = ROUTES.stream().filter(route -> route.service() == service).toList();
                // direct: round robin over routes and attackers until the service has had its attempts
                for (int i = 0; i < DIRECT_ATTEMPTS_PER_SERVICE; i++) {
                    Route route = routes.get(i % routes.size());
                    Attacker attacker = attackers.get((i / routes.size()) % attackers.size());
                    work.add(threads.submit(() -> {
                        attempt(suite.serviceUrl(service), route, attacker, "direct", statusesByRoute,
                                leaks);
                        directByService.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
                    }));
                }
            }
            // through the gateway: every user's requests in sequence, so the per-user limit is met with waits
            Map<String, List<Runnable>> gatewayPlan = new LinkedHashMap<>();
            for (Deployable service : Deployable.services()) {
                List<Route> routes = ROUTES.stream().filter(route -> route.service() == service).toList();
                for (int i = 0; i < GATEWAY_ATTEMPTS_PER_SERVICE; i++) {
                    Route route = routes.get(i % routes.size());
                    Attacker attacker = attackers.get((i / routes.size() + i) % attackers.size());
                    gatewayPlan.computeIfAbsent(attacker.user(), u -> new ArrayList<>()).add(() -> {
                        attempt(suite.gatewayUrl(), route, attacker, "gateway", statusesByRoute, leaks);
                        gatewayByService.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
                    });
                }
            }
            for (List<Runnable> sequence : gatewayPlan.values()) {
                work.add(threads.submit(() -> sequence.forEach(Runnable::run)));
            }
            for (Future<?> done : work) {
                done.get(3, TimeUnit.MINUTES);
            }
        }
        finally {
            threads.shutdownNow();
        }

        for (Deployable service : Deployable.services()) {
            System.out.printf("RELIABILITY tenant-isolation %s: %d attempts direct, %d through the gateway, %d leaks%n",
                    service.artifactId(), directByService.get(service).get(), gatewayByService.get(service).get(),
                    leaks.stream().filter(leak -> leak.contains(service.apiPrefix() + "/")).count());
        }
        new TreeMap<>(statusesByRoute).forEach((route, statuses) -> System.out.printf(
                "RELIABILITY tenant-isolation   %-62s %s%n", route, new TreeMap<>(statuses)));
        assertThat(leaks).as("answers that gave away the other county's records").isEmpty();
        statusesByRoute.forEach((route, statuses) -> assertThat(statuses.keySet()).as(route)
                .allSatisfy(status -> assertThat(status).isLessThan(500)));
    }

    /** The city (Shiyan) reads the records of both its counties in every service: the scope does not only refuse. */
    private static void positiveControl() {
        String city = suite.userToken("city.admin");
        for (County county : List.of(counties.yunxi, counties.zhushan)) {
            for (Route route : ROUTES) {
                if (route.method().equals("GET") && !route.path().apply(county).contains("/work-orders?")
                        && !route.path().apply(county).contains("/org-directory?")) {
                    String url = suite.gatewayUrl() + route.path().apply(county);
                    Awaitility.await(route.label() + " by the city").atMost(java.time.Duration.ofSeconds(30))
                            .pollInterval(java.time.Duration.ofMillis(500)).untilAsserted(() -> {
                                Http.Answer answer = Http.get(url, city);
                                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                                assertThat(answer.body()).as(answer.toString()).contains(expectedIn(route, county));
                            });
                }
            }
        }
        System.out.printf("RELIABILITY tenant-isolation positive control: the city read %d routes of both counties%n",
                ROUTES.stream().filter(route -> route.method().equals("GET")).count());
    }

    /** What a by-id read or a filtered list shows when it shows the county's record. */
    private static String expectedIn(Route route, County county) {
        String path = route.path().apply(county);
        if (path.contains("/statistics/")) {
            return path.contains("org-directory") ? county.orgId() : county.orgPath();
        }
        if (path.contains("/membership/v1/members") || path.contains("member-standings")) {
            return county.memberId();
        }
        if (path.contains("/orgs")) {
            return county.orgId();
        }
        if (path.contains("hardship-cases")) {
            return county.caseId();
        }
        if (path.contains("dispute-cases")) {
            return county.disputeId();
        }
        if (path.contains("work-orders")) {
            return county.workOrderId();
        }
        if (path.contains("/entries")) {
            return county.entryId();
        }
        return county.draftCompetitionId();
    }

    private static void attempt(String base, Route route, Attacker attacker, String way, Map<String, Map<Integer, AtomicInteger>> statusesByRoute,
            ConcurrentLinkedQueue<String> leaks) {
        County victim = attacker.victim();
        String url = base + route.path().apply(victim);
        Http.Answer answer;
        while (true) {
            String token = suite.sharedUserToken(attacker.user());
            answer = switch (route.method()) {
                case "GET" -> Http.get(url, token);
                case "PUT" -> Http.put(url, token, route.body().apply(victim), TwoCounties.key());
                default -> Http.post(url, token, route.body().apply(victim), TwoCounties.key());
            };
            if (answer.status() != 429) {
                break;
            }
            long seconds = answer.header("retry-after").map(Long::parseLong).orElse(1L);
            Awaitility.await().pollDelay(java.time.Duration.ofSeconds(Math.max(1, seconds)))
                    .atMost(java.time.Duration.ofSeconds(seconds + 5)).until(() -> true);
        }
        String key = String.format("%-11s %-7s %s", route.service().artifactId(), way, route.label());
        statusesByRoute.computeIfAbsent(key, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        boolean success = answer.status() >= 200 && answer.status() < 300;
        boolean showsVictim = victim.recordIds().stream().anyMatch(answer.body()::contains)
                || answer.body().contains(victim.orgPath()) || answer.body().contains(victim.orgId());
        if (success && (!route.list() || showsVictim)) {
            leaks.add(attacker.user() + " -> " + answer);
        }
        else if (!success && (!answer.isProblem() || answer.status() >= 500)) {
            leaks.add("not a 4xx problem: " + attacker.user() + " -> " + answer);
        }
    }

    private static Route read(Deployable service, String label, Function<County, String> path) {
        return new Route(service, label, "GET", path, c -> null, false);
    }

    private static Route list(Deployable service, String label, Function<County, String> path) {
        return new Route(service, label, "GET", path, c -> null, true);
    }

    private static Route command(Deployable service, String label, String method, Function<County, String> path,
            Function<County, Object> body) {
        return new Route(service, label, method, path, body, false);
    }
}
