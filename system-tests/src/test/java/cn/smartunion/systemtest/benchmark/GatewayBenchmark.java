package cn.smartunion.systemtest.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Suite;

/**
 * Gateway overhead benchmark (not a test): starts the whole suite on loopback, then sends the same authenticated,
 * database-backed GET ({@code /api/membership/v1/orgs?size=20} as the Yunxi county admin: JWT check, scope filter,
 * a MongoDB query) through the gateway and directly to membership-service, in alternating rounds of one run, and
 * prints throughput and latency percentiles of each path side by side with the machine it ran on.
 *
 * <pre>system-tests/gateway-benchmark.sh [requests per round] [concurrency] [rounds]</pre>
 *
 * The gateway runs as configured for production except the per-user rate limit, which is raised so that it counts
 * but never refuses the single benchmark user; the gateway and the services run with the full JIT (the tests' suite
 * uses C1 only, for a quicker start). Client, gateway, service, Kafka, Mongo and Keycloak share the
 * machine's cores, so the figures compare the two paths; they are not a capacity figure for a deployment.
 */
public final class GatewayBenchmark {

    static final String PATH = "/api/membership/v1/orgs?size=20";

    private GatewayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("benchmark.requests", 20_000);
        int concurrency = Integer.getInteger("benchmark.concurrency", 16);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        System.setProperty(Suite.JVM_OPTIONS_PROPERTY, "-XX:+UseSerialGC -Xms256m -Xmx512m");
        System.setProperty(Suite.ENV_OVERRIDE_PREFIX + "gateway.USER_RATE_LIMIT_PER_MINUTE", "100000000");
        System.setProperty(Suite.ENV_OVERRIDE_PREFIX + "gateway.USER_RATE_LIMIT_BURST", "100000000");

        Suite suite = Suite.shared();
        String token = suite.userToken("county.admin");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Target gateway = new Target("through the gateway", suite.gatewayUrl() + PATH);
        Target direct = new Target("directly to membership", suite.serviceUrl(Deployable.MEMBERSHIP) + PATH);

        // a full round each, not counted: the JIT of the gateway and the service needs tens of thousands of calls
        for (int warmUp = 1; warmUp <= 2; warmUp++) {
            for (Target target : List.of(gateway, direct)) {
                System.out.printf("warm-up %d  %-24s %s%n", warmUp, target.name(),
                        run(client, token, target, requests, concurrency));
            }
        }

        List<Result> gatewayResults = new ArrayList<>();
        List<Result> directResults = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            // alternate which path goes first, so that drift (JIT, GC, caches) does not favour one
            boolean gatewayFirst = round % 2 == 1;
            for (Target target : gatewayFirst ? List.of(gateway, direct) : List.of(direct, gateway)) {
                Result result = run(client, token, target, requests, concurrency);
                (target == gateway ? gatewayResults : directResults).add(result);
                System.out.printf("round %d  %-24s %s%n", round, target.name(), result);
            }
        }

        Result viaGateway = Result.merge(gatewayResults);
        Result toService = Result.merge(directResults);
        System.out.println();
        System.out.println("== Gateway overhead: GET " + PATH + " (authenticated, database-backed) ==");
        System.out.println(machine());
        System.out.printf("%d rounds of %d requests per path, %d concurrent clients, HTTP/1.1 keep-alive%n", rounds,
                requests, concurrency);
        System.out.printf("%-24s %10s %9s %9s %9s %7s%n", "path", "req/s", "p50 ms", "p99 ms", "max ms", "non-200");
        for (Result result : List.of(viaGateway, toService)) {
            System.out.printf(Locale.ROOT, "%-24s %10.0f %9.2f %9.2f %9.2f %7d%n",
                    result == viaGateway ? gateway.name() : direct.name(), result.throughput(),
                    result.percentile(50), result.percentile(99), result.percentile(100), result.failures());
        }
        System.out.printf(Locale.ROOT, "gateway adds %.2f ms at p50 and %.2f ms at p99; throughput %.0f%% of direct%n",
                viaGateway.percentile(50) - toService.percentile(50),
                viaGateway.percentile(99) - toService.percentile(99),
                100 * viaGateway.throughput() / toService.throughput());
        System.exit(viaGateway.failures() + toService.failures() == 0 ? 0 : 1);
    }

    private record Target(String name, String url) {
    }

    private static Result run(HttpClient client, String token, Target target, int requests, int concurrency)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url())).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        long[] latencies = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long started = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        long sent = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
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
        return new Result(latencies, System.nanoTime() - started, failures.get());
    }

    private record Result(long[] latencies, long wallNanos, int failures) {

        static Result merge(List<Result> results) {
            long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).toArray();
            return new Result(all, results.stream().mapToLong(Result::wallNanos).sum(),
                    results.stream().mapToInt(Result::failures).sum());
        }

        double throughput() {
            return latencies.length / (wallNanos / 1e9);
        }

        /** Milliseconds; 100 is the maximum. */
        double percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  non-200 %d", throughput(),
                    percentile(50), percentile(99), failures);
        }
    }

    private static String machine() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "machine: %d cores, load average %.1f at the end, %s %s, client JVM %s %s",
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage(), os.getName(), os.getVersion(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }
}
