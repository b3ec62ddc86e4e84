package cn.smartunion.systemtest.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
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
import java.util.regex.Pattern;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability scenario 6 (issue 10): invalid requests, 2,000 per service in the build and the issue's 10,000 with
 * {@code -Dreliability.malformed.requests=10000} ({@code system-tests/reliability-suite.sh}), generated from the service's own
 * OpenAPI document ({@link InvalidRequests}), with the token of a user whose role the route lets in, sent straight to
 * the service by a few threads, and a sample through the gateway. No answer may be a 5xx, and every 4xx must be
 * {@code application/problem+json} without a stack trace or an exception or class name.
 */
class MalformedInputTest {

    private static final int REQUESTS_PER_SERVICE = Integer.getInteger("reliability.malformed.requests", 2_000);
    private static final int GATEWAY_SAMPLE_PER_SERVICE = 40;
    private static final int THREADS = 8;
    /** Tried in this order on every route; the first the route lets in (no 401 or 403) sends its requests. */
    private static final List<String> CANDIDATE_USERS = List.of("county.admin", "yunxi.aid", "prov.admin",
            "prov.12351", "member.demo", "judge.one", "worker.demo");
    /** What gives away the implementation: exception and class names, stack frames. */
    private static final Pattern IMPLEMENTATION_DETAIL = Pattern.compile("Exception\\b|\\bat [a-z][\\w.$]+\\(|"
            + "\\b(java|javax|jakarta|org\\.springframework|org\\.apache|com\\.mongodb|org\\.bson|tools\\.jackson|"
            + "com\\.fasterxml|cn\\.smartunion)\\.[a-z]");

    private static Suite suite;
    private static String yunxiId;

    /** Per service: answers by status, and what went wrong (examples). */
    private record Tally(Map<Integer, AtomicInteger> statuses, ConcurrentLinkedQueue<String> failures,
            AtomicInteger sent) {

        Tally() {
            this(new ConcurrentHashMap<>(), new ConcurrentLinkedQueue<>(), new AtomicInteger());
        }

        long count(int from, int to) {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() < to)
                    .mapToLong(e -> e.getValue().get()).sum();
        }
    }

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        yunxiId = new MembershipApi(suite).orgId(suite.sharedUserToken("county.admin"), "420322");
    }

    @Test
    void invalidRequestsGetProblemsNeverA5xx() throws Exception {
        Map<Deployable, InvalidRequests> direct = new EnumMap<>(Deployable.class);
        Map<Deployable, InvalidRequests> viaGateway = new EnumMap<>(Deployable.class);
        Map<Deployable, Tally> tallies = new EnumMap<>(Deployable.class);
        Map<Deployable, Tally> gatewayTallies = new EnumMap<>(Deployable.class);
        Map<String, String> userByOperation = new ConcurrentHashMap<>();
        for (Deployable service : Deployable.services()) {
            Http.Answer document = Http.get(suite.serviceUrl(service) + "/v3/api-docs", null);
            assertThat(document.status()).as(document.toString()).isEqualTo(200);
            direct.put(service, new InvalidRequests(document.json(), suite.serviceUrl(service), yunxiId,
                    () -> People.newPerson("420322").citizenIdNumber()));
            viaGateway.put(service, new InvalidRequests(document.json(), suite.gatewayUrl(), yunxiId,
                    () -> People.newPerson("420322").citizenIdNumber()));
            tallies.put(service, new Tally());
            gatewayTallies.put(service, new Tally());
            InvalidRequests requests = direct.get(service);
            for (int i = 0; i < requests.operations.size(); i++) {
                userByOperation.put(service + " " + requests.operations.get(i), userLetIn(requests.generate(i)));
            }
        }

        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int n = 0; n < REQUESTS_PER_SERVICE; n++) {
                for (Deployable service : Deployable.services()) {
                    int number = n;
                    work.add(threads.submit(() -> {
                        InvalidRequests requests = direct.get(service);
                        String user = userByOperation.get(service + " " + requests.operations.get(
                                number % requests.operations.size()));
                        check(requests.generate(number), user, tallies.get(service), false);
                    }));
                }
            }
            // a sample through the gateway, one user at a time in sequence so its per-user limit is met with waits
            Map<String, List<Runnable>> byUser = new LinkedHashMap<>();
            for (Deployable service : Deployable.services()) {
                InvalidRequests requests = viaGateway.get(service);
                for (int n = 0; n < GATEWAY_SAMPLE_PER_SERVICE; n++) {
                    int number = n * 37 + 5;
                    String user = userByOperation.get(service + " " + requests.operations.get(
                            number % requests.operations.size()));
                    byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(() ->
                            check(requests.generate(number), user, gatewayTallies.get(service), true));
                }
            }
            byUser.values().forEach(sequence -> work.add(threads.submit(() -> sequence.forEach(Runnable::run))));
            for (Future<?> done : work) {
                done.get(10, TimeUnit.MINUTES);
            }
        }
        finally {
            threads.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<String> failures = new ArrayList<>();
        long total = 0;
        for (Deployable service : Deployable.services()) {
            for (Map.Entry<String, Tally> way : Map.of("direct", tallies.get(service), "gateway",
                    gatewayTallies.get(service)).entrySet()) {
                Tally tally = way.getValue();
                total += tally.sent().get();
                Map<Integer, Integer> clientErrors = new TreeMap<>();
                tally.statuses().forEach((status, count) -> {
                    if (status >= 400 && status < 500) {
                        clientErrors.put(status, count.get());
                    }
                });
                System.out.printf("RELIABILITY malformed-input %s %s: %d requests (%d operations), %d 2xx, 4xx %s, "
                                + "%d 5xx, %d answers not a clean problem%n", service.artifactId(), way.getKey(),
                        tally.sent().get(), direct.get(service).operations.size(), tally.count(200, 300),
                        clientErrors, tally.count(500, 600), tally.failures().size());
                tally.failures().stream().limit(20).forEach(failure -> failures.add(service.artifactId() + " "
                        + way.getKey() + ": " + failure));
            }
        }
        System.out.printf("RELIABILITY malformed-input: %d requests in %d s (%d threads)%n", total, took.toSeconds(),
                THREADS);
        for (Deployable service : Deployable.services()) {
            assertThat(tallies.get(service).sent().get()).isGreaterThanOrEqualTo(REQUESTS_PER_SERVICE);
        }
        assertThat(failures).as("5xx answers, and 4xx that are not problem+json or show implementation details")
                .isEmpty();
    }

    private static void check(RawHttp.Request request, String user, Tally tally, boolean throughGateway) {
        RawHttp.Answer answer = RawHttp.send(request, suite.sharedUserToken(user));
        while (throughGateway && answer.status() == 429) {
            Awaitility.await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
            answer = RawHttp.send(request, suite.sharedUserToken(user));
        }
        tally.sent().incrementAndGet();
        tally.statuses().computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
        String body = answer.body() == null ? "" : answer.body();
        String what = null;
        if (answer.status() >= 500) {
            what = "5xx";
        }
        else if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            what = "not problem+json";
        }
        else if (answer.status() >= 400 && IMPLEMENTATION_DETAIL.matcher(body).find()) {
            what = "implementation detail";
        }
        if (what != null && tally.failures().size() < 200) {
            tally.failures().add(what + ": " + user + " " + request + " -> " + answer.status() + " "
                    + answer.contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body));
        }
    }

    /** The first candidate user the route lets in with this request (neither 401 nor 403); the last one if none. */
    private static String userLetIn(RawHttp.Request request) {
        for (String user : CANDIDATE_USERS) {
            int status = RawHttp.send(request, suite.sharedUserToken(user)).status();
            if (status != 401 && status != 403) {
                return user;
            }
        }
        return CANDIDATE_USERS.get(0);
    }

}
