package cn.smartunion.systemtest.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.People;

/**
 * Part 1: the same authenticated call through the gateway and directly to membership-service, in alternating rounds
 * of one run, closed loop ({@code concurrency} clients, each sending its next request when the last one is answered),
 * HTTP/1.1 keep-alive. Warm-up rounds are not counted. Two calls: the database-backed GET
 * and a real write, the staff entry of a new member (its own person and {@code Idempotency-Key} each time; it stores
 * the member, seals the personal data and raises {@code MemberActivated}).
 */
final class HttpRounds {

    static final String GET_PATH = "/api/membership/v1/orgs?size=20";
    static final String POST_PATH = "/api/membership/v1/members";

    /** One of the two calls, built for a base URL. */
    interface Call {
        String name();

        int expectedStatus();

        /** The {@code n} requests of a round, made before its clock starts. */
        List<HttpRequest> prepare(String baseUrl, String token, int n);
    }

    record Outcome(String call, Latencies gateway, long gatewayWallNanos, int gatewayFailures,
                   Latencies direct, long directWallNanos, int directFailures) {

        double gatewayThroughput() {
            return gateway.count() / (gatewayWallNanos / 1e9);
        }

        double directThroughput() {
            return direct.count() / (directWallNanos / 1e9);
        }
    }

    private record Round(Latencies latencies, long wallNanos, int failures) {
        double throughput() {
            return latencies.count() / (wallNanos / 1e9);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;
    private final String directUrl;
    private final Supplier<String> token;
    private final int concurrency;
    private final int rounds;
    private final int warmUpRounds;

    HttpRounds(String gatewayUrl, String directUrl, Supplier<String> token, int concurrency, int rounds,
               int warmUpRounds) {
        this.gatewayUrl = gatewayUrl;
        this.directUrl = directUrl;
        this.token = token;
        this.concurrency = concurrency;
        this.rounds = rounds;
        this.warmUpRounds = warmUpRounds;
    }

    static Call get() {
        return new Call() {
            public String name() {
                return "GET " + GET_PATH;
            }

            public int expectedStatus() {
                return 200;
            }

            public List<HttpRequest> prepare(String baseUrl, String token, int n) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + GET_PATH))
                        .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                        .timeout(Duration.ofSeconds(60)).GET().build();
                List<HttpRequest> requests = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    requests.add(request);
                }
                return requests;
            }
        };
    }

    /** Staff entry of a new member into {@code orgId}, each with a new person and its own Idempotency-Key. */
    static Call memberEntry(String orgId, DistinctPeople people) {
        return new Call() {
            public String name() {
                return "POST " + POST_PATH;
            }

            public int expectedStatus() {
                return 201;
            }

            public List<HttpRequest> prepare(String baseUrl, String token, int n) {
                List<HttpRequest> requests = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    requests.add(memberEntryRequest(baseUrl, token, orgId, people.next()));
                }
                return requests;
            }
        };
    }

    static HttpRequest memberEntryRequest(String baseUrl, String token, String orgId, People.Person person) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orgId", orgId);
        body.put("legalName", person.legalName());
        body.put("citizenIdNumber", person.citizenIdNumber());
        body.put("mobilePhone", person.mobilePhone());
        body.put("joinChannel", "ONLINE_APPLICATION");
        return HttpRequest.newBuilder(URI.create(baseUrl + POST_PATH))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(Http.toJson(body))).build();
    }

    Outcome measure(Call call, int requestsPerRound) throws Exception {
        for (int warmUp = 1; warmUp <= warmUpRounds; warmUp++) {
            for (boolean viaGateway : List.of(true, false)) {
                Round round = round(call, viaGateway, requestsPerRound);
                print(call, "warm-up " + warmUp, viaGateway, round);
            }
        }
        List<Round> gateway = new ArrayList<>();
        List<Round> direct = new ArrayList<>();
        for (int number = 1; number <= rounds; number++) {
            // alternate which path goes first, so that drift (JIT, GC, a growing collection) favours neither
            List<Boolean> order = number % 2 == 1 ? List.of(true, false) : List.of(false, true);
            for (boolean viaGateway : order) {
                Round round = round(call, viaGateway, requestsPerRound);
                (viaGateway ? gateway : direct).add(round);
                print(call, "round " + number, viaGateway, round);
            }
        }
        return new Outcome(call.name(), Latencies.merge(gateway.stream().map(Round::latencies).toList()),
                gateway.stream().mapToLong(Round::wallNanos).sum(), gateway.stream().mapToInt(Round::failures).sum(),
                Latencies.merge(direct.stream().map(Round::latencies).toList()),
                direct.stream().mapToLong(Round::wallNanos).sum(), direct.stream().mapToInt(Round::failures).sum());
    }

    private static void print(Call call, String label, boolean viaGateway, Round round) {
        System.out.printf(Locale.ROOT, "PERFORMANCE http %-30s %-10s %-8s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  "
                        + "not %d: %d%n", call.name(), label, viaGateway ? "gateway" : "direct", round.throughput(),
                round.latencies().percentileMillis(50), round.latencies().percentileMillis(99), call.expectedStatus(),
                round.failures());
    }

    private Round round(Call call, boolean viaGateway, int n) throws Exception {
        List<HttpRequest> requests = call.prepare(viaGateway ? gatewayUrl : directUrl, token.get(), n);
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(requests.get(i),
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != call.expectedStatus()) {
                                failures.incrementAndGet();
                            }
                        }
                        catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        finally {
            pool.shutdownNow();
        }
        return new Round(new Latencies(latencies), System.nanoTime() - started, failures.get());
    }
}
