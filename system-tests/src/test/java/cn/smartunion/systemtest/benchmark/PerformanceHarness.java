package cn.smartunion.systemtest.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import cn.smartunion.systemtest.suite.ConsumerGroups;
import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.Suite;
import org.slf4j.LoggerFactory;

import static cn.smartunion.systemtest.benchmark.MarkdownReport.number;
import static cn.smartunion.systemtest.benchmark.MarkdownReport.ratio;

/**
 * The performance harness of issue 10 (not a test): starts the whole suite once on loopback with the full JIT, measures
 * side by side in that one run (1) the gateway with its JWT check against direct calls, for a GET and a write, (2)
 * {@code MemberActivated} from the HTTP command to aid-service's projection beside Kafka's EndToEndLatency, (3) the
 * projection's consumer throughput beside Kafka's ConsumerPerformance and raw driver writes, (4) the roster import
 * beside a raw insertMany, (5) every process's resident memory; writes a Markdown report with the machine's
 * description and prints it.
 *
 * <pre>system-tests/performance-harness.sh [options]   (see the script for the sizes and their defaults)</pre>
 *
 * A part that fails is reported as failed and the others still run; the exit status is then 1.
 */
public final class PerformanceHarness {

    private static final String STAFF = "county.admin";
    private static final String JVM_OPTIONS = "-XX:+UseSerialGC -Xms256m -Xmx512m";

    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final MarkdownReport report = new MarkdownReport();
    private final DistinctPeople people = new DistinctPeople();
    private Suite suite;

    public static void main(String[] args) throws Exception {
        quietLogs();
        System.exit(new PerformanceHarness().run());
    }

    /** The Kafka and Mongo clients' INFO lines (every client's whole configuration) would bury the figures. */
    private static void quietLogs() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("cn.smartunion"))
                    .setLevel(ch.qos.logback.classic.Level.INFO);
        }
    }

    private int run() throws Exception {
        int getRequests = parameter("performance.get-requests", 10_000);
        int postRequests = parameter("performance.post-requests", 1_000);
        int rounds = parameter("performance.rounds", 3);
        int warmUpRounds = parameter("performance.warm-up-rounds", 1);
        int concurrency = parameter("performance.concurrency", 16);
        int rate = parameter("performance.pipeline.rate", 20);
        int seconds = parameter("performance.pipeline.seconds", 60);
        int pipelineWarmUp = parameter("performance.pipeline.warm-up-seconds", 10);
        int pollMillis = parameter("performance.pipeline.poll-ms", 5);
        int e2eMessages = parameter("performance.e2e.messages", rate * seconds);
        int e2eBytes = parameter("performance.e2e.message-bytes", 700);
        int projectionEvents = parameter("performance.projection.events", 20_000);
        int rosterRows = parameter("performance.roster.rows", 10_000);
        Path reportFile = Path.of(System.getProperty("performance.report", "docs/performance-report.md"))
                .toAbsolutePath();
        String command = System.getProperty("performance.command", "system-tests/performance-harness.sh");

        // generous start timeouts: they are not measured, and a busy machine starts Keycloak slowly
        System.setProperty("smartunion.keycloak.start-timeout",
                System.getProperty("smartunion.keycloak.start-timeout", "900"));
        System.setProperty("smartunion.suite.ready-timeout", System.getProperty("smartunion.suite.ready-timeout", "900"));
        System.setProperty(Suite.JVM_OPTIONS_PROPERTY, JVM_OPTIONS);
        // one staff account drives every call: the per-user limit must count, never refuse
        System.setProperty(Suite.ENV_OVERRIDE_PREFIX + "gateway.USER_RATE_LIMIT_PER_MINUTE", "100000000");
        System.setProperty(Suite.ENV_OVERRIDE_PREFIX + "gateway.USER_RATE_LIMIT_BURST", "100000000");
        System.setProperty(Suite.ENV_OVERRIDE_PREFIX + "membership-service.SMARTUNION_ENROLMENT_MAX_ROWS",
                Integer.toString(Math.max(100_000, rosterRows)));
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        suite = Suite.shared();
        double suiteStart = (System.nanoTime() - startedNanos) / 1e9;
        Path logs = Path.of(System.getProperty("smartunion.suite.work", "target/suite")).resolve("logs")
                .toAbsolutePath();
        MembershipApi membership = new MembershipApi(suite);
        String entryOrg = membership.orgId(suite.userToken(STAFF), "Y0001");
        String rosterOrg = membership.orgId(suite.userToken(STAFF), "Y0002");

        HttpRounds http = new HttpRounds(suite.gatewayUrl(), suite.serviceUrl(Deployable.MEMBERSHIP),
                () -> suite.userToken(STAFF), concurrency, rounds, warmUpRounds);
        List<Runnable> sections = new ArrayList<>();
        HttpRounds.Outcome get = part("1. gateway, GET", () -> http.measure(HttpRounds.get(), getRequests));
        HttpRounds.Outcome post = part("1. gateway, POST",
                () -> http.measure(HttpRounds.memberEntry(entryOrg, people), postRequests));
        sections.add(() -> httpSection(get, post, getRequests, postRequests, rounds, warmUpRounds, concurrency));

        EventPipeline pipeline = new EventPipeline(suite.serviceUrl(Deployable.MEMBERSHIP), suite.mongoUri("aid"),
                entryOrg, people, pollMillis);
        EventPipeline.Outcome events = part("2. event pipeline", () -> {
            try (ConsumerGroups lag = new ConsumerGroups(suite)) {
                // part 1's entries must be read first, or their backlog would be in the latencies
                lag.awaitNoLag(lag.groups(ProjectionThroughput::isService), Duration.ofMinutes(10));
            }
            if (pipelineWarmUp > 0) {
                pipeline.measure("warm-up", suite.userToken(STAFF), rate, pipelineWarmUp, Duration.ofSeconds(60));
            }
            return pipeline.measure("counted", suite.userToken(STAFF), rate, seconds, Duration.ofSeconds(120));
        });
        KafkaTool.EndToEnd e2e = part("2. Kafka EndToEndLatency", () -> KafkaTool.endToEndLatency(
                suite.kafkaBootstrapServers(), "performance.e2e-latency", e2eMessages, e2eBytes, logs));
        sections.add(() -> pipelineSection(events, e2e));

        ProjectionThroughput.Outcome projection = part("3. projection throughput",
                () -> new ProjectionThroughput(suite, logs).measure(projectionEvents));
        sections.add(() -> projectionSection(projection, projectionEvents));

        RosterImportThroughput.Outcome roster = part("4. roster import", () -> new RosterImportThroughput(
                suite.gatewayUrl(), suite.mongoUri("membership"), () -> suite.userToken(STAFF), people)
                .measure(rosterOrg, rosterRows));
        sections.add(() -> rosterSection(roster));

        List<ResidentMemory.Usage> memory = ResidentMemory.of(suite.pids());
        sections.add(() -> memorySection(memory));

        double total = (System.nanoTime() - startedNanos) / 1e9;
        header(started, command, suiteStart, total, reportFile);
        sections.forEach(Runnable::run);
        howToRead();
        Files.createDirectories(reportFile.getParent());
        Files.writeString(reportFile, report.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(report);
        System.out.println("PERFORMANCE report written to " + reportFile);
        return failures.isEmpty() ? 0 : 1;
    }

    private int parameter(String name, int defaultValue) {
        int value = Integer.getInteger(name, defaultValue);
        parameters.put(name, value);
        return value;
    }

    private <T> T part(String name, Callable<T> measurement) {
        System.out.println("PERFORMANCE " + name + " ...");
        try {
            return measurement.call();
        }
        catch (Exception | AssertionError e) {
            String message = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst()
                    .orElse("");
            System.out.println("PERFORMANCE " + name + " FAILED " + message);
            e.printStackTrace(System.out);
            failures.add(name + " — " + message);
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------------ report --

    private void header(Instant started, String command, double suiteStart, double total, Path reportFile) {
        report.heading(1, "Performance report");
        report.paragraph("Written by `system-tests/performance-harness.sh` (`" + PerformanceHarness.class.getName()
                + "`): the whole suite on loopback in one run, each figure measured side by side with its reference.");
        List<String> run = new ArrayList<>();
        run.add("date: " + started.truncatedTo(ChronoUnit.SECONDS) + " (UTC), the run took " + number(total / 60, 1)
                + " min, of which the suite's start " + number(suiteStart, 0) + " s");
        run.add("command: `" + command + "`");
        StringBuilder values = new StringBuilder();
        parameters.forEach((name, value) -> values.append(values.length() == 0 ? "" : ", ").append("`-D")
                .append(name).append('=').append(value).append('`'));
        run.add("parameters: " + values);
        run.add("services and gateway: one JVM each, `" + JVM_OPTIONS + "` (full JIT); Kafka broker (KRaft, "
                + "kafka_2.13 4.1.2) and the Mongo wire server (mongo-java-server, H2 backend) one JVM each, "
                + "`-Xmx" + System.getProperty("smartunion.suite.infrastructure-heap", "512m")
                + "`; Keycloak 26 from its distribution");
        run.add("report file: `" + reportFile.getFileName() + "`");
        report.bullets(run);
        report.heading(2, "Machine");
        report.bullets(Machine.describe());
        if (!failures.isEmpty()) {
            report.heading(2, "Parts that failed in this run");
            report.bullets(failures);
        }
    }

    private void httpSection(HttpRounds.Outcome get, HttpRounds.Outcome post, int getRequests, int postRequests,
                             int rounds, int warmUpRounds, int concurrency) {
        report.heading(2, "1. Gateway + JWT versus direct calls");
        report.paragraph("The same authenticated call as the Yunxi county admin (`county.admin`, a realm token), "
                + "through the gateway (JWT check, rate-limit count, route, token relay) and straight to "
                + "membership-service (which checks the JWT itself), " + concurrency + " concurrent clients in a closed "
                + "loop over HTTP/1.1 keep-alive, " + rounds + " alternating rounds per path after " + warmUpRounds
                + " warm-up round(s) per path that are not counted. GET: `" + HttpRounds.GET_PATH + "` ("
                + getRequests + " a round; scope filter and a MongoDB query). POST: `" + HttpRounds.POST_PATH
                + "` (" + postRequests + " a round), the staff entry of a new member, each with a generated person "
                + "and its own `Idempotency-Key` (validation, sealing of ID and phone number, blind-index "
                + "uniqueness, the member saved with its `MemberActivated` in the outbox).");
        for (HttpRounds.Outcome outcome : new HttpRounds.Outcome[] {get, post}) {
            if (outcome == null) {
                continue;
            }
            report.heading(3, outcome.call());
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("throughput (req/s)", number(outcome.gatewayThroughput(), 0),
                    number(outcome.directThroughput(), 0),
                    ratio(outcome.gatewayThroughput(), outcome.directThroughput())));
            for (double p : new double[] {50, 99}) {
                rows.add(List.of("p" + (int) p + " (ms)", number(outcome.gateway().percentileMillis(p), 2),
                        number(outcome.direct().percentileMillis(p), 2),
                        ratio(outcome.gateway().percentileMillis(p), outcome.direct().percentileMillis(p))));
            }
            rows.add(List.of("max (ms)", number(outcome.gateway().percentileMillis(100), 1),
                    number(outcome.direct().percentileMillis(100), 1),
                    ratio(outcome.gateway().percentileMillis(100), outcome.direct().percentileMillis(100))));
            rows.add(List.of("requests counted", number(outcome.gateway().count(), 0),
                    number(outcome.direct().count(), 0), ""));
            rows.add(List.of("unexpected answers", number(outcome.gatewayFailures(), 0),
                    number(outcome.directFailures(), 0), ""));
            report.table(List.of("", "through the gateway", "direct to membership", "ratio gateway / direct"), rows);
        }
    }

    private void pipelineSection(EventPipeline.Outcome events, KafkaTool.EndToEnd e2e) {
        report.heading(2, "2. Event pipeline: MemberActivated from the HTTP command to aid-service's projection");
        StringBuilder text = new StringBuilder("Member entries sent straight to membership-service (open loop");
        if (events != null) {
            text.append(", ").append(events.rate()).append("/s for ").append(events.seconds()).append(" s after a ")
                    .append("warm-up at the same rate");
        }
        text.append("); each created member's id looked for in aid-service's `").append(EventPipeline.PROJECTION)
                .append("` collection by a poller asking the Mongo wire server for the ids still missing every ");
        text.append(events == null ? "few" : events.pollMillis()).append(" ms (the projection stores no time of its "
                + "own: the figure is late by up to one poll and one query). The path: request handling, the "
                + "member's single-document save with the event in its outbox, the outbox relay (polls every 200 ms "
                + "by default), the broker (acks=all), aid-service's listener and its idempotent upsert. Beside it, "
                + "Kafka's `EndToEndLatency` on the same broker: one message at a time, produced with acks=all and "
                + "read back by its consumer, on a topic of its own (it prints whole milliseconds and no maximum).");
        report.paragraph(text.toString());
        List<List<String>> rows = new ArrayList<>();
        Latencies p = events == null ? new Latencies(new long[0]) : events.projected();
        double[] kafka = e2e == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                : new double[] {e2e.p50(), e2e.p99(), e2e.p999(), e2e.meanMillis()};
        rows.add(List.of("p50 (ms)", number(p.percentileMillis(50), 1), number(kafka[0], 0),
                ratio(p.percentileMillis(50), kafka[0])));
        rows.add(List.of("p99 (ms)", number(p.percentileMillis(99), 1), number(kafka[1], 0),
                ratio(p.percentileMillis(99), kafka[1])));
        rows.add(List.of("p99.9 (ms)", number(p.percentileMillis(99.9), 1), number(kafka[2], 0),
                ratio(p.percentileMillis(99.9), kafka[2])));
        rows.add(List.of("max (ms)", number(p.percentileMillis(100), 1), "—", "—"));
        rows.add(List.of("mean (ms)", number(p.meanMillis(), 2), number(kafka[3], 2), ratio(p.meanMillis(), kafka[3])));
        rows.add(List.of("events measured", number(p.count(), 0), e2e == null ? "—" : number(e2e.messages(), 0), ""));
        report.table(List.of("", "command → projection", "Kafka EndToEndLatency", "ratio pipeline / Kafka e2e"), rows);
        List<String> notes = new ArrayList<>();
        if (events != null) {
            notes.add("HTTP answer of the member entry: p50 " + number(events.answer().percentileMillis(50), 1)
                    + " ms, p99 " + number(events.answer().percentileMillis(99), 1) + " ms; " + events.created()
                    + " created, " + events.otherAnswers() + " other answers, " + events.missing()
                    + " not seen in the projection within the wait");
        }
        if (e2e != null) {
            notes.add("Kafka tool: `" + e2e.command() + "` (" + e2e.messageBytes() + "-byte messages)");
        }
        report.bullets(notes);
    }

    private void projectionSection(ProjectionThroughput.Outcome outcome, int events) {
        report.heading(2, "3. Consumer throughput of a projection");
        report.paragraph("aid-service's `" + ProjectionThroughput.GROUP + "` consumer (topic `"
                + ProjectionThroughput.TOPIC + "`, into `member_records`). "
                + "With aid-service stopped, " + events + " valid `MemberActivated` events (copies of one the suite "
                + "raised, each a new member and event id) were published and the topic's other consumers waited "
                + "for; then aid-service was started and its committed offsets sampled every 100 ms until its lag "
                + "was 0. Its rate counts from the first commit (the JVM's start and the group join are not in "
                + "it), and again over the second half of the backlog. Beside it: Kafka's `ConsumerPerformance` "
                + "reading as many records of the same topic with a group of its own, and the raw driver writing as "
                + "many equivalent projection documents into scratch collections of aid's database on the same "
                + "Mongo wire server (dropped afterwards).");
        if (outcome == null) {
            report.paragraph("(failed in this run)");
            return;
        }
        double projection = outcome.rate();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("aid-service's projection, from the first commit", number(outcome.events(), 0),
                number(outcome.seconds(), 2), number(projection, 0), "1.00×"));
        rows.add(List.of("aid-service's projection, second half of the backlog", number(outcome.secondHalfEvents(), 0),
                number(outcome.secondHalfSeconds(), 2), number(outcome.secondHalfRate(), 0),
                ratio(projection, outcome.secondHalfRate())));
        double fetchRate = outcome.tool().value("fetch.nMsg.sec");
        rows.add(List.of("Kafka ConsumerPerformance (fetch.nMsg.sec: without the group join)",
                number(outcome.tool().value("data.consumed.in.nMsg"), 0),
                number(outcome.tool().value("fetch.time.ms") / 1000, 2), number(fetchRate, 0),
                ratio(projection, fetchRate)));
        rows.add(List.of("Kafka ConsumerPerformance (nMsg.sec: with the group join)",
                number(outcome.tool().value("data.consumed.in.nMsg"), 0), "",
                number(outcome.tool().value("nMsg.sec"), 0), ratio(projection, outcome.tool().value("nMsg.sec"))));
        rows.add(rawRow("raw driver: insertMany, 1,000 a batch", events, outcome.insertManySeconds(), projection));
        rows.add(rawRow("raw driver: the projection's conditional upsert, 1,000 to a bulkWrite", events,
                outcome.bulkUpsertSeconds(), projection));
        rows.add(rawRow("raw driver: the same upsert, one round trip each (the listener's write without Kafka)",
                events, outcome.oneByOneUpsertSeconds(), projection));
        report.table(List.of("consumer / writer", "events", "seconds", "events/s", "ratio projection / this"), rows);
        report.bullets(List.of("aid-service was ready " + number(outcome.startToReadySeconds(), 1)
                        + " s after its start (not in the rates)",
                "Kafka tool: `" + outcome.tool().command() + "`"));
    }

    private static List<String> rawRow(String name, int events, double seconds, double projection) {
        return List.of(name, number(events, 0), number(seconds, 2), number(events / seconds, 0),
                ratio(projection, events / seconds));
    }

    private void rosterSection(RosterImportThroughput.Outcome outcome) {
        report.heading(2, "4. Roster import versus a raw bulk insert");
        report.paragraph("A generated roster (name, citizen ID number, mobile number; UTF-8 CSV) uploaded through the "
                + "gateway to `POST /api/membership/v1/enrolment-jobs` (集中入会) and its job polled every 200 ms "
                + "until it finished; each row is validated, sealed, checked against the blind index and stored "
                + "as a member with its `MemberActivated`. Beside it: the same people as member documents, sealed "
                + "beforehand (AES-GCM, HMAC blind index, masked copies; not timed), stored by the raw driver with "
                + "`insertMany` 1,000 a batch into a scratch collection with a unique index on the blind index, in "
                + "membership's database on the same Mongo wire server (dropped afterwards).");
        if (outcome == null) {
            report.paragraph("(failed in this run)");
            return;
        }
        double imported = outcome.activated() / outcome.clientSeconds();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("import, upload sent to COMPLETED seen by the client", number(outcome.activated(), 0),
                number(outcome.clientSeconds(), 2), number(imported, 0), "1.00×"));
        rows.add(List.of("import, the job's own startedAt to finishedAt", number(outcome.activated(), 0),
                number(outcome.serviceSeconds(), 2), number(outcome.activated() / outcome.serviceSeconds(), 0),
                ratio(imported, outcome.activated() / outcome.serviceSeconds())));
        rows.add(List.of("raw driver: insertMany of equivalent documents", number(outcome.rows(), 0),
                number(outcome.rawSeconds(), 2), number(outcome.rows() / outcome.rawSeconds(), 0),
                ratio(imported, outcome.rows() / outcome.rawSeconds())));
        report.table(List.of("", "rows", "seconds", "rows/s", "ratio import / this"), rows);
        report.bullets(List.of("job " + outcome.jobStatus() + ", " + outcome.activated() + " of " + outcome.rows()
                + " rows activated; the upload itself was answered (202) after " + number(outcome.acceptSeconds(), 2)
                + " s"));
    }

    private void memorySection(List<ResidentMemory.Usage> memory) {
        report.heading(2, "5. Resident memory after the run");
        report.paragraph("VmRSS (and its peak, VmHWM) from `/proc/<pid>/status`, child processes included "
                + "(Keycloak's pid is its launcher script).");
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        for (ResidentMemory.Usage usage : memory) {
            total += usage.rssKib();
            rows.add(List.of(usage.name(), Long.toString(usage.pid()), Integer.toString(usage.processes()),
                    number(usage.rssKib() / 1024.0, 0), number(usage.peakKib() / 1024.0, 0)));
        }
        rows.add(List.of("total", "", "", number(total / 1024.0, 0), ""));
        report.table(List.of("process", "pid", "processes", "VmRSS (MiB)", "VmHWM (MiB)"), rows);
    }

    private void howToRead() {
        report.heading(2, "How to read this");
        report.bullets(List.of(
                "Everything shares the machine's cores: the clients, the gateway, five services, Kafka, the Mongo wire "
                        + "server and Keycloak. Read the ratios, measured side by side in one run; the absolute "
                        + "figures are not a capacity figure for a deployment.",
                "The Mongo wire server is not a MongoDB: mongo-java-server (H2 backend) in one JVM, with coarse "
                        + "locking; writes and queries cost differently on a real replica set.",
                "A ratio above 1× in a latency row means slower than the reference; in a throughput row of parts "
                        + "3 and 4 it means the projection or import is faster than the row it is compared with.",
                "The pipeline includes the outbox relay's poll interval (200 ms by default): most of its latency is "
                        + "waiting for the relay's next pass, not work; Kafka's tool sends one message at a time "
                        + "with nothing else queued.",
                "Background work runs during every part: each member entry and roster row raises a "
                        + "`MemberActivated` that aid, competition, statistics and membership's own counts consume.",
                "Measured after the JIT's warm-up where a part has one (1, 2); part 3's second-half rate shows the "
                        + "warmer consumer. Run on a quiet machine; a loaded one widens p99 and max first."));
    }
}
