package cn.smartunion.membership.enrolment;

import cn.smartunion.contracts.Topics;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.membership.MembershipServiceApplication;
import cn.smartunion.membership.enrolment.application.EnrolmentJobQueries;
import cn.smartunion.membership.enrolment.application.EnrolmentJobSubmission;
import cn.smartunion.membership.enrolment.application.RosterUpload;
import cn.smartunion.membership.enrolment.application.SubmitEnrolmentJob;
import cn.smartunion.membership.enrolment.domain.EnrolmentJob;
import cn.smartunion.membership.enrolment.domain.JobStatus;
import cn.smartunion.membership.org.application.OrgRegistration;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Roster import throughput, not a test: generates a roster (100,000 rows by default), imports it through the real
 * engine (upload inspection, encrypted upload store, worker, row validation, the member-register seam, checkpoints,
 * completion with its outbox event) into a mongo-java-server instance, and in the same run inserts equivalent
 * member documents into the same server with the raw driver ({@code insertMany}, batches of 1,000). Prints both
 * rates, their ratio and the machine. Both paths are warmed up first on 5,000 other people.
 *
 * <pre>
 * membership-service/roster-import-benchmark.sh [rows]      # rows default to 100000
 * # which runs
 * ./mvnw -B -ntp -q -pl membership-service -am test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.skip=true -Dexec.mainClass=cn.smartunion.membership.enrolment.RosterImportBenchmark -Dbenchmark.rows=100000
 * </pre>
 * ({@code exec.skip} skips the goal in the upstream reactor modules; membership-service's pom un-skips it.) Rows go
 * through the service's own member register (MemberRegistration: validation, sealing, one insert per member with its
 * {@code MemberActivated}).
 */
public final class RosterImportBenchmark {

    private static final int BATCH = 1_000;
    private static final int WARM_UP_ROWS = 5_000;

    private RosterImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 100_000);
        long seed = Long.getLong("benchmark.seed", 20260501L);
        System.out.printf("roster import benchmark: %,d rows, seed %d%n", rows, seed);

        // one generator for both rosters: it never issues an ID number twice (two generators may, now and then)
        RosterGenerator generator = new RosterGenerator(seed);
        GeneratedRoster warmUp = new GeneratedRoster(generator.people(WARM_UP_ROWS));
        GeneratedRoster roster = new GeneratedRoster(generator.people(rows));
        byte[] csv = roster.csv(StandardCharsets.UTF_8, true, GeneratedRoster.CHINESE_HEADERS);
        System.out.printf("roster: %,d bytes of UTF-8 CSV%n", csv.length);

        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.MEMBERSHIP_ENROLMENT,
                Topics.MEMBERSHIP_ORG);
        kafka.afterPropertiesSet();
        try (MongoWireServer mongo = MongoWireServer.start();
             ConfigurableApplicationContext context = start(mongo, kafka)) {
            // warm both paths up (JIT, codecs, ciphers) on other people, so neither is measured cold
            importThroughTheEngine(context, "420000", warmUp, warmUp.csv(), false);
            rawInsertMany(mongo, context.getBean(PersonalDataProtector.class), warmUp, "benchmark_warm_up");
            Result imported = importThroughTheEngine(context, "420100", roster, csv, true);
            Result raw = rawInsertMany(mongo, context.getBean(PersonalDataProtector.class), roster,
                    "benchmark_raw_members");
            report(rows, imported, raw);
        } finally {
            kafka.destroy();
        }
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(MongoWireServer mongo, EmbeddedKafkaKraftBroker kafka) {
        return new SpringApplicationBuilder(MembershipServiceApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(context -> {
                    GenericApplicationContext generic = (GenericApplicationContext) context;
                    // the test sources' @TestConfiguration classes sit in the scanned packages: leave them out
                    generic.getBeanFactory().registerSingleton("benchmarkExcludesTestConfiguration",
                            new ExcludeTestConfigurations());
                })
                // as arguments: they must win over the service's own defaults, as the environment does in production
                .run(
                        "--server.port=0",
                        "--spring.mongodb.uri=" + mongo.connectionString("membership-benchmark"),
                        "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--management.health.mongodb.enabled=false",
                        "--management.otlp.metrics.export.enabled=false",
                        "--logging.structured.format.console=",
                        "--logging.level.root=WARN",
                        "--smartunion.enrolment.max-rows=" + Math.max(100_000, Integer.getInteger("benchmark.rows",
                                100_000)),
                        "--smartunion.enrolment.max-file-size=64MB",
                        "--smartunion.enrolment.workers=1",
                        "--" + TestPersonalDataKeys.AES_KEY, "--" + TestPersonalDataKeys.ACTIVE_KEY_ID,
                        "--" + TestPersonalDataKeys.BLIND_INDEX_KEY);
    }

    private static Result importThroughTheEngine(ConfigurableApplicationContext context, String orgCode,
                                                 GeneratedRoster roster, byte[] csv, boolean verbose)
            throws InterruptedException {
        OrgRegistration registration = context.getBean(OrgRegistration.class);
        OrgUnit root = registration.registerRootIfAbsent("420000", "湖北省总工会", OrgType.PROVINCIAL_FEDERATION);
        OrgUnit org = orgCode.equals(root.code()) ? root
                : registration.registerChildIfAbsent(root.path(), orgCode, "武汉市总工会", OrgType.CITY_FEDERATION);
        OrgPrincipal staff = new OrgPrincipal("benchmark-staff", "benchmark", "420000", Set.of("union-staff"));
        RosterUpload upload = new RosterUpload() {
            @Override
            public String fileName() {
                return "benchmark.csv";
            }

            @Override
            public long size() {
                return csv.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(csv);
            }
        };
        EnrolmentJobQueries queries = context.getBean(EnrolmentJobQueries.class);
        long start = System.nanoTime();
        EnrolmentJob job = context.getBean(EnrolmentJobSubmission.class)
                .submit(new SubmitEnrolmentJob(org.id(), JoinChannel.CONCENTRATED_CAMPAIGN, "benchmark", upload),
                        staff).job();
        long accepted = System.nanoTime();
        if (verbose) {
            System.out.printf("  upload accepted after %.1f s%n", seconds(accepted - start));
        }
        EnrolmentJob current = job;
        int lastPercent = -1;
        while (!current.status().finished()) {
            Thread.sleep(50);
            current = queries.get(job.id(), staff);
            if (verbose && current.progressPercent() / 10 != lastPercent / 10) {
                lastPercent = current.progressPercent();
                System.out.printf("  import progress %3d%% (%,d rows) after %.1f s%n", lastPercent,
                        current.counts().processed(), seconds(System.nanoTime() - start));
            }
        }
        long done = System.nanoTime();
        if (current.status() != JobStatus.COMPLETED || current.counts().activated() != roster.rows()) {
            throw new IllegalStateException("the import did not enrol every row: " + current.status() + " "
                    + current.counts());
        }
        return new Result(roster.rows(), done - start, accepted - start, 0);
    }

    /** The same members, prepared (encrypted, indexed) beforehand, then only stored, 1,000 per insertMany. */
    private static Result rawInsertMany(MongoWireServer server, PersonalDataProtector protector,
                                        GeneratedRoster roster, String collection) {
        long prepareStart = System.nanoTime();
        List<Document> documents = new ArrayList<>(roster.rows());
        String batchId = UUID.randomUUID().toString();
        int row = 2;
        for (RosterGenerator.Person p : roster.people()) {
            ProtectedValue id = protector.protect(p.idNumber(), Masking::citizenIdNumber);
            ProtectedValue phone = protector.protect(p.mobilePhone(), Masking::mobilePhone);
            documents.add(new Document("_id", UUID.randomUUID().toString())
                    .append("idCiphertext", id.ciphertext()).append("idBlindIndex", id.blindIndex())
                    .append("idMasked", id.masked()).append("nameCiphertext", protector.encrypt(p.name()))
                    .append("phoneCiphertext", phone.ciphertext()).append("phoneMasked", phone.masked())
                    .append("orgId", "raw").append("orgPath", "420000")
                    .append("joinChannel", "CONCENTRATED_CAMPAIGN").append("campaignId", "benchmark")
                    .append("groupTags", List.of("COURIER")).append("employmentForm", "PLATFORM_FLEXIBLE")
                    .append("enrolmentBatchId", batchId).append("enrolmentRow", row++)
                    .append("activatedAt", new Date()));
        }
        long prepared = System.nanoTime();
        try (MongoClient client = MongoClients.create(server.connectionString("membership-benchmark"))) {
            MongoCollection<Document> members = client.getDatabase("membership-benchmark")
                    .getCollection(collection);
            members.createIndex(Indexes.ascending("idBlindIndex"), new IndexOptions().unique(true));
            long start = System.nanoTime();
            for (int i = 0; i < documents.size(); i += BATCH) {
                members.insertMany(documents.subList(i, Math.min(documents.size(), i + BATCH)));
            }
            long done = System.nanoTime();
            return new Result(documents.size(), done - start, 0, prepared - prepareStart);
        }
    }

    private static void report(int rows, Result imported, Result raw) {
        Runtime runtime = Runtime.getRuntime();
        System.out.println();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s; JVM %s %s, max heap %,d MB%n",
                runtime.availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                runtime.maxMemory() / (1024 * 1024));
        System.out.printf(Locale.ROOT, "store: mongo-java-server (in-memory backend), JVM input args %s%n",
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(Locale.ROOT, "%-44s %10s %12s%n", "", "seconds", "rows/s");
        System.out.printf(Locale.ROOT, "%-44s %10.2f %,12.0f%n", "import through the engine (upload to COMPLETED)",
                seconds(imported.nanos()), imported.rowsPerSecond());
        System.out.printf(Locale.ROOT, "%-44s %10.2f%n", "  of which upload accepted (hash, check, store)",
                seconds(imported.acceptNanos()));
        System.out.printf(Locale.ROOT, "%-44s %10.2f %,12.0f%n", "raw insertMany of equivalent documents",
                seconds(raw.nanos()), raw.rowsPerSecond());
        System.out.printf(Locale.ROOT, "%-44s %10.2f%n", "  (their encryption beforehand, not timed above)",
                seconds(raw.prepareNanos()));
        System.out.printf(Locale.ROOT, "ratio raw / engine: %.1fx over %,d rows%n",
                raw.rowsPerSecond() / imported.rowsPerSecond(), rows);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private record Result(int rows, long nanos, long acceptNanos, long prepareNanos) {
        double rowsPerSecond() {
            return rows / seconds(nanos);
        }
    }

    /** What the test framework's filter does for tests: configuration meant for tests stays out. */
    private static final class ExcludeTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExcludeTestConfigurations;
        }

        @Override
        public int hashCode() {
            return ExcludeTestConfigurations.class.hashCode();
        }
    }
}
