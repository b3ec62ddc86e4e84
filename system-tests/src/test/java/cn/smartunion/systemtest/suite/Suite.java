package cn.smartunion.systemtest.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import cn.smartunion.localrun.AwaitReady;
import cn.smartunion.runtime.testing.KeycloakTestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole suite on loopback, started once per test JVM and stopped when it exits: the Mongo wire server and a KRaft
 * Kafka broker (child JVMs from local-run), the real Keycloak with the local-run realm, the four services and the
 * gateway (child JVMs from their executable jars, with the environment run-local.sh gives them). Every port is a free
 * one, every data folder is new, and the personal-data keys are random, so runs never share state.
 *
 * <p>Tests drive it over HTTP through {@link #gatewayUrl()} as clients would, or each service directly through
 * {@link #serviceUrl(Deployable)}. {@link #stop(Deployable)} and {@link #start(Deployable)} take a deployable down and
 * bring it back (on the same port, against the same data).
 *
 * <p>The processes' logs are in {@code target/suite/logs}.
 */
public final class Suite {

    public static final String REALM = "smart-union";
    public static final String AUDIENCE = "smart-union-api";
    /** Local demo credentials of the realm file (local-run/keycloak/smart-union-realm.json), not secrets. */
    public static final String DEMO_PASSWORD = "smartunion-demo";
    public static final String PORTAL_CLIENT = "portal";
    public static final String PORTAL_SECRET = "portal-demo-secret-local-only";
    private static final String MEMBERSHIP_ADMIN_SECRET = "membership-service-demo-secret-local-only";

    /** How long an open breaker waits before letting trial calls through; short, so the outage test is quick. */
    public static final Duration BREAKER_OPEN_DURATION = Duration.ofSeconds(5);
    /** The gateway's response timeout towards every service. */
    public static final Duration DOWNSTREAM_RESPONSE_TIMEOUT = Duration.ofSeconds(10);
    /** A public holiday and a weekend make-up working day (调休) in rights-service's working-day calendar. */
    public static final String RIGHTS_HOLIDAY = "2026-10-01";
    public static final String RIGHTS_MAKE_UP_WORKDAY = "2026-09-26";
    /** The portal client's quota per minute at the gateway: small, so a burst over it is quick to send. */
    public static final int PORTAL_QUOTA_PER_MINUTE = 120;
    /** Requests a minute one user may send through the gateway here (production default: 300). */
    public static final int USER_RATE_LIMIT_PER_MINUTE = 30_000;
    /**
     * The shortest appeal window competition-service accepts here (production: 30 minutes), so a system test can see a
     * window close.
     */
    public static final Duration COMPETITION_MINIMUM_APPEAL_WINDOW = Duration.ofSeconds(5);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(
            Long.getLong("smartunion.suite.ready-timeout", 300));

    /** System properties {@code smartunion.suite.env.<artifactId>.<VARIABLE>=value} set a deployable's variable. */
    public static final String ENV_OVERRIDE_PREFIX = "smartunion.suite.env.";

    /**
     * JVM options of the services and the gateway: run-local.sh's, which favour a quick start (C1 only) over peak
     * speed; a benchmark sets {@value #JVM_OPTIONS_PROPERTY} to measure with the full JIT.
     */
    public static final String JVM_OPTIONS_PROPERTY = "smartunion.suite.jvm-options";

    /** The Kafka broker's and the Mongo wire server's heap; a 200,000-member province wants more than the default. */
    private static final String INFRASTRUCTURE_HEAP = System.getProperty("smartunion.suite.infrastructure-heap", "512m");

    private static final Logger log = LoggerFactory.getLogger(Suite.class);

    private static final Duration SHARED_TOKEN_REUSE = Duration.ofMinutes(2);

    private static Suite shared;

    private final Path work = Path.of(System.getProperty("smartunion.suite.work", "target/suite")).toAbsolutePath();
    private final Path jars = Path.of(System.getProperty("smartunion.suite.jars", "target/suite-jars")).toAbsolutePath();
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path"));

    private final String deployableJvmOptions = System.getProperty(JVM_OPTIONS_PROPERTY,
            "-XX:+UseSerialGC -Xms64m -Xmx384m -XX:TieredStopAtLevel=1");
    private final int mongoPort = freePort();
    private final int kafkaPort = freePort();
    private final int kafkaControllerPort = freePort();
    private final int gatewayManagementPort = freePort();
    private final Map<Deployable, Integer> ports = new EnumMap<>(Deployable.class);
    private final Map<Deployable, ChildProcess> deployables = new EnumMap<>(Deployable.class);
    private final List<ChildProcess> infrastructure = new ArrayList<>();
    private ChildProcess kafka;
    private final String personalDataJson;
    private final Map<String, FetchedToken> sharedTokens = new ConcurrentHashMap<>();

    private KeycloakTestServer keycloak;
    private RealmSigningKey signingKey;

    private Suite() {
        for (Deployable deployable : Deployable.values()) {
            ports.put(deployable, freePort());
        }
        personalDataJson = """
                {"smartunion":{"personal-data":{"keys":{"system-test":"%s"},"active-key-id":"system-test",\
                "blind-index-key":"%s"},"membership":{"join-code":{"keys":{"system-test":"%s"},\
                "active-key-id":"system-test","join-url-prefix":"http://localhost:%d/join?code="}}}}"""
                .formatted(randomKey(), randomKey(), randomKey(), ports.get(Deployable.GATEWAY));
    }

    /** The JVM-wide suite, started (and waited for) on first use, stopped when the JVM exits. */
    public static synchronized Suite shared() {
        if (shared == null) {
            Suite suite = new Suite();
            Runtime.getRuntime().addShutdownHook(new Thread(suite::stopAll, "suite-shutdown"));
            suite.startAll();
            shared = suite;
        }
        return shared;
    }

    // ---------------------------------------------------------------------------------------------- addresses --

    public String gatewayUrl() {
        return serviceUrl(Deployable.GATEWAY);
    }

    public String gatewayManagementUrl() {
        return "http://127.0.0.1:" + gatewayManagementPort;
    }

    public String serviceUrl(Deployable deployable) {
        return "http://127.0.0.1:" + ports.get(deployable);
    }

    public KeycloakTestServer keycloak() {
        return keycloak;
    }

    /** A signing key the realm really uses (it signs the realm's new tokens), for tokens a test must forge. */
    public RealmSigningKey signingKey() {
        return signingKey;
    }

    public String issuer() {
        return keycloak.issuer(REALM);
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongoPort + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    // ------------------------------------------------------------------------------------------------ tokens --

    /** A staff or member token of the local realm (password grant of the staff-web client, local realm only). */
    public String userToken(String username) {
        KeycloakTestServer.TokenResponse response = keycloak.passwordGrant(REALM, "staff-web", username, DEMO_PASSWORD);
        if (response.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response);
        }
        return response.accessToken();
    }

    /**
     * A user's token shared by the tests of this JVM, fetched again once it is two minutes old (the realm's tokens
     * live five), for tests that send thousands of requests as one user.
     */
    public String sharedUserToken(String username) {
        long now = System.nanoTime();
        return sharedTokens.compute(username, (user, held) -> held != null
                && now - held.fetchedAt() < SHARED_TOKEN_REUSE.toNanos() ? held
                : new FetchedToken(userToken(user), now)).token();
    }

    private record FetchedToken(String token, long fetchedAt) {
    }

    /** The e-government portal's token (client credentials). */
    public String portalToken() {
        KeycloakTestServer.TokenResponse response = keycloak.clientCredentials(REALM, PORTAL_CLIENT, PORTAL_SECRET);
        if (response.status() != 200) {
            throw new IllegalStateException("no portal token: " + response);
        }
        return response.accessToken();
    }

    // ------------------------------------------------------------------------------------------------ realms --

    /**
     * Imports the local run's realms, the union realm and gov-idp (the provincial identity platform's stand-in that it
     * brokers), with their {@code http://localhost:8180} URLs pointed at this server. Whichever test imports first
     * must do it this way (importRealm skips a realm that exists), so every test that needs them calls this.
     */
    public static void importLocalRealms(KeycloakTestServer keycloak) {
        Path unionRealm = Path.of(System.getProperty("smartunion.suite.realm",
                "../local-run/keycloak/smart-union-realm.json"));
        for (Path file : List.of(unionRealm.resolveSibling("gov-idp-realm.json"), unionRealm)) {
            try {
                String json = Files.readString(file).replace("http://localhost:8180", keycloak.baseUrl());
                keycloak.importRealm(json, file.toString());
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot read the realm file " + file.toAbsolutePath(), e);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- life cycle --

    /** Stops a deployable gracefully (SIGTERM). */
    public void stop(Deployable deployable) {
        deployables.get(deployable).stop(Duration.ofSeconds(20));
    }

    /** Kills a deployable outright (SIGKILL), as a crash or an OOM kill would. */
    public void kill(Deployable deployable) {
        deployables.get(deployable).kill();
    }

    /** Kills the Kafka broker outright (SIGKILL), as a crash would. */
    public void killKafka() {
        kafka.kill();
    }

    /** Starts the killed broker again on its ports, with its data (no format), and waits until it answers. */
    public void restartKafka() {
        kafka.start();
        await(List.of(new AwaitReady.Target("kafka", kafka.pid(), "kafka", kafkaBootstrapServers(), log(kafka))));
    }

    /**
     * The process ids of everything the suite runs, by name (mongo, kafka, keycloak, then the deployables' artifact
     * ids), for measurements such as resident memory.
     */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        infrastructure.forEach(process -> pids.put(process.name(), process.pid()));
        pids.put("keycloak", keycloak.pid());
        deployables.forEach((deployable, process) -> pids.put(deployable.artifactId(), process.pid()));
        return pids;
    }

    /** Starts a stopped deployable again on its port and waits until it is ready. */
    public void start(Deployable deployable) {
        ChildProcess process = deployables.get(deployable);
        process.start();
        awaitReady(List.of(deployable));
    }

    private void startAll() {
        long started = System.nanoTime();
        deleteRecursively(work);
        ChildProcess mongo = infrastructureProcess("mongo", List.of("cn.smartunion.localrun.MongoWireServer",
                "--bind", "127.0.0.1", "--port", Integer.toString(mongoPort),
                "--file", work.resolve("data/mongo/suite.mv").toString()));
        kafka = startKafka();
        mongo.start();
        infrastructure.add(mongo);

        keycloak = KeycloakTestServer.shared();
        importLocalRealms(keycloak);
        signingKey = RealmSigningKey.install(keycloak, REALM);

        await(List.of(
                new AwaitReady.Target("mongo", mongo.pid(), "mongo", "127.0.0.1:" + mongoPort, log(mongo)),
                new AwaitReady.Target("kafka", kafka.pid(), "kafka", kafkaBootstrapServers(), log(kafka))));

        for (Deployable deployable : Deployable.values()) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(List.of(deployableJvmOptions.split(" +")));
            command.addAll(List.of("-jar", jars.resolve(deployable.artifactId() + ".jar").toString()));
            ChildProcess process = new ChildProcess(deployable.artifactId(), command, environment(deployable),
                    work.resolve("logs/" + deployable.artifactId() + ".log"));
            deployables.put(deployable, process);
            process.start();
        }
        awaitReady(List.of(Deployable.values()));
        log.info("suite ready in {} s (Keycloak {} s); logs in {}",
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), keycloak.startTime().toSeconds(),
                work.resolve("logs"));
    }

    private ChildProcess startKafka() {
        Path config = Path.of(System.getProperty("smartunion.suite.kafka-config",
                "../local-run/config/kafka-server.properties"));
        Path properties = work.resolve("kafka-server.properties");
        try {
            String text = Files.readString(config)
                    .replace("@KAFKA_DATA_DIR@", work.resolve("data/kafka").toString())
                    .replace(":9093", ":" + kafkaControllerPort)
                    .replace(":9092", ":" + kafkaPort);
            Files.createDirectories(work);
            Files.writeString(properties, text);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess format = infrastructureProcess("kafka-format", List.of("kafka.tools.StorageTool", "format",
                "--standalone", "--cluster-id", "c3lzdGVtLXRlc3RzLXN1aQ", "--config", properties.toString()));
        format.start();
        if (format.awaitExit(Duration.ofSeconds(120)) != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed:\n" + format.logTail(30));
        }
        ChildProcess kafka = infrastructureProcess("kafka", List.of("kafka.Kafka", properties.toString()));
        kafka.start();
        infrastructure.add(kafka);
        return kafka;
    }

    private ChildProcess infrastructureProcess(String name, List<String> mainAndArguments) {
        List<String> command = new ArrayList<>(List.of(java, "-Xms32m", "-Xmx" + INFRASTRUCTURE_HEAP,
                "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + System.getProperty("smartunion.suite.log4j-config",
                        "../local-run/config/log4j2.xml"),
                "-Dlocalrun.log.file=" + work.resolve("logs/" + name + ".log"),
                "-cp", classpath));
        command.addAll(mainAndArguments);
        return new ChildProcess(name, command, Map.of(), work.resolve("logs/" + name + ".out"));
    }

    /** The environment run-local.sh would give the deployable, then any {@value #ENV_OVERRIDE_PREFIX} overrides. */
    private Map<String, String> environment(Deployable deployable) {
        Map<String, String> env = defaultEnvironment(deployable);
        String prefix = ENV_OVERRIDE_PREFIX + deployable.artifactId() + ".";
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(prefix))
                .forEach(name -> env.put(name.substring(prefix.length()), System.getProperty(name)));
        return env;
    }

    private Map<String, String> defaultEnvironment(Deployable deployable) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORT", Integer.toString(ports.get(deployable)));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("OIDC_ISSUER_URI", issuer());
        env.put("OIDC_AUDIENCE", AUDIENCE);
        env.put("MANAGEMENT_TRACING_EXPORT_OTLP_ENABLED", "false");
        env.put("MANAGEMENT_OTLP_METRICS_EXPORT_ENABLED", "false");
        env.put("MANAGEMENT_LOGGING_EXPORT_OTLP_ENABLED", "false");
        env.put("JAVA_TOOL_OPTIONS", "");
        if (deployable == Deployable.GATEWAY) {
            for (Deployable service : Deployable.services()) {
                env.put(service.name() + "_SERVICE_URI", serviceUrl(service));
            }
            env.put("MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
            env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
            env.put("BREAKER_OPEN_DURATION", BREAKER_OPEN_DURATION.toSeconds() + "s");
            env.put("DOWNSTREAM_RESPONSE_TIMEOUT_MS", Long.toString(DOWNSTREAM_RESPONSE_TIMEOUT.toMillis()));
            env.put("PORTAL_QUOTA_PER_MINUTE", Integer.toString(PORTAL_QUOTA_PER_MINUTE));
            // one office account drives a whole generated province (ProvinceStatisticsTest): thousands of calls in a
            // few minutes, far over a person's 300 a minute; the gateway's own tests cover the per-user limit
            env.put("USER_RATE_LIMIT_PER_MINUTE", Integer.toString(USER_RATE_LIMIT_PER_MINUTE));
            env.put("USER_RATE_LIMIT_BURST", Integer.toString(USER_RATE_LIMIT_PER_MINUTE / 10));
            env.put("CORS_ALLOWED_ORIGINS", "http://localhost:19006");
            return env;
        }
        env.put("MONGODB_URI", mongoUri(deployable.database()));
        env.put("MONGODB_HEALTH_ENABLED", "false"); // mongo-java-server does not answer the health check's `hello`
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers());
        env.put("SPRING_APPLICATION_JSON", personalDataJson);
        if (deployable == Deployable.RIGHTS) {
            env.put("SMARTUNION_RIGHTS_CALENDAR_HOLIDAYS", RIGHTS_HOLIDAY);
            env.put("SMARTUNION_RIGHTS_CALENDAR_MAKE_UP_WORKDAYS", RIGHTS_MAKE_UP_WORKDAY);
        }
        if (deployable == Deployable.COMPETITION) {
            env.put("SMARTUNION_COMPETITION_APPEALS_MINIMUM_WINDOW", COMPETITION_MINIMUM_APPEAL_WINDOW.toString());
        }
        if (deployable == Deployable.MEMBERSHIP) {
            env.put("SMARTUNION_DEMO_DATA_ENABLED", "true");
            env.put("KEYCLOAK_ADMIN_URL", keycloak.baseUrl());
            env.put("KEYCLOAK_REALM", REALM);
            env.put("KEYCLOAK_ADMIN_CLIENT_ID", "membership-service");
            env.put("KEYCLOAK_ADMIN_CLIENT_SECRET", MEMBERSHIP_ADMIN_SECRET);
        }
        return env;
    }

    private void awaitReady(List<Deployable> which) {
        List<AwaitReady.Target> targets = new ArrayList<>();
        for (Deployable deployable : which) {
            ChildProcess process = deployables.get(deployable);
            targets.add(new AwaitReady.Target(deployable.artifactId(), process.pid(), "http",
                    serviceUrl(deployable) + deployable.readinessPath(), log(process)));
        }
        await(targets);
    }

    private void await(List<AwaitReady.Target> targets) {
        int outcome = AwaitReady.await(targets, READY_TIMEOUT);
        if (outcome != 0) {
            StringBuilder message = new StringBuilder("the suite did not become ready (see target/suite/logs)");
            Stream.concat(infrastructure.stream(), deployables.values().stream())
                    .filter(process -> !process.isAlive() || targets.stream().anyMatch(t -> t.name().equals(process.name())))
                    .forEach(process -> message.append("\n--- ").append(process.name()).append(" ---\n")
                            .append(process.logTail(30)));
            throw new IllegalStateException(message.toString());
        }
    }

    private void stopAll() {
        deployables.values().parallelStream().forEach(process -> process.stop(Duration.ofSeconds(10)));
        for (int i = infrastructure.size() - 1; i >= 0; i--) {
            infrastructure.get(i).stop(Duration.ofSeconds(10));
        }
    }

    private static String log(ChildProcess process) {
        return process.logFile().toString();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
