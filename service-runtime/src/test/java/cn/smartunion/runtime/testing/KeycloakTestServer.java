package cn.smartunion.runtime.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Keycloak server for tests: started once per JVM from the unpacked distribution, on a free loopback port,
 * stopped (with its child processes) when the JVM exits.
 *
 * <pre>{@code
 * static final KeycloakTestServer keycloak = KeycloakTestServer.shared();
 *
 * @DynamicPropertySource
 * static void keycloak(DynamicPropertyRegistry registry) {
 *     keycloak.importRealm(Path.of("src/test/resources/my-realm.json"));   // once per realm and JVM
 *     keycloak.registerResourceServer(registry, "my-realm", "smart-union-api");
 * }
 * ...
 * String token = keycloak.passwordGrant("my-realm", "staff-web", "city.admin", "secret").accessToken();
 * }</pre>
 *
 * <p>Where the distribution is: the system property {@value #HOME_PROPERTY}, which the root pom gives every test JVM
 * ({@code target/keycloak-<version>} of the module); a module gets it unpacked by declaring
 * {@code maven-dependency-plugin} in its build plugins (the root pom's {@code unpack-keycloak} execution).
 *
 * <p>How it runs: {@code kc.sh start-dev} with {@code --hostname http://localhost:<port>} (so {@code iss} is the same
 * whatever address a client uses), HTTP on 127.0.0.1 only, the in-memory dev database ({@code --db dev-mem}: every
 * JVM starts from an empty server, nothing accumulates between runs; the rest of its data directory stays in the
 * distribution under {@code target/}), heap {@code -Xms64m -Xmx512m} (override with {@value #HEAP_PROPERTY}), a
 * random bootstrap admin password, and its log in {@code target/keycloak-test-server-<port>.log}. Readiness is polled on
 * the master realm's well-known endpoint; a process that exits early fails the start with the end of its log.
 * Realms are imported through the admin REST API, so test classes may share one server with different realms.
 *
 * <p>Measured on the 2-core build machine (JDK 17): a start takes 15-20 s when the machine is otherwise idle, 45 s
 * at a load average of 8, 70-130 s at 16-38 (other builds running; there, about half of it is creating the
 * in-memory database and the master realm). The first start of a freshly unpacked distribution also builds it
 * (Quarkus augmentation, 27-48 s more). {@link #startTime()} tells, and the start is logged.
 *
 * <p>A test JVM killed with SIGKILL cannot run its shutdown hook: the next start of this fixture stops a server
 * left behind that way (one whose command line carries this distribution's marker and whose owner JVM is gone).
 */
public final class KeycloakTestServer {

    /** Absolute or relative path of the unpacked {@code keycloak-quarkus-dist} ({@code .../keycloak-26.7.3}). */
    public static final String HOME_PROPERTY = "smartunion.keycloak.home";

    /** Heap options for the Keycloak JVM; default {@value #DEFAULT_HEAP}. */
    public static final String HEAP_PROPERTY = "smartunion.keycloak.heap";

    /** Seconds to wait for readiness; default 300 (a first start builds the distribution). */
    public static final String START_TIMEOUT_PROPERTY = "smartunion.keycloak.start-timeout";

    static final String DEFAULT_HEAP = "-Xms64m -Xmx512m";

    static final String OWNER_MARKER = "-Dsmartunion.keycloak-test.owner=";

    private static final Logger log = LoggerFactory.getLogger(KeycloakTestServer.class);

    private static final JsonMapper json = JsonMapper.builder().build();

    private static KeycloakTestServer shared;

    private final Path home;

    private final Path logFile;

    private final int port;

    private final String adminPassword = UUID.randomUUID().toString();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Set<String> importedRealms = new HashSet<>();

    private Process process;

    private Duration startTime;

    private String adminToken;

    private Instant adminTokenExpiry = Instant.MIN;

    private KeycloakTestServer(Path home, int port) {
        this.home = home;
        this.port = port;
        this.logFile = home.getParent().resolve("keycloak-test-server-" + port + ".log");
    }

    /** The JVM-wide server, started on first use (blocking until it is ready) and stopped when the JVM exits. */
    public static synchronized KeycloakTestServer shared() {
        if (shared == null) {
            KeycloakTestServer server = startNew();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "keycloak-test-server-shutdown"));
            shared = server;
        }
        return shared;
    }

    /**
     * A server of its own (not the shared one), for tests of the fixture or of Keycloak outages; {@link #stop()} it.
     * It is not stopped at JVM exit unless the caller arranges it.
     */
    public static KeycloakTestServer startNew() {
        Path home = distribution();
        stopServersLeftBehind(home);
        for (int attempt = 1;; attempt++) {
            KeycloakTestServer server = new KeycloakTestServer(home, freePort());
            try {
                server.start();
                return server;
            }
            catch (PortTakenException ex) {
                if (attempt == 3) {
                    throw new IllegalStateException("Keycloak found its port taken three times", ex);
                }
                log.warn("Keycloak's port {} was taken before it bound it; trying another", server.port);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ URLs --

    /** {@code http://localhost:<port>}: the fixed hostname every URL and token issuer uses. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    /** {@code <base>/realms/<realm>}: the {@code iss} of the realm's tokens. */
    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String tokenUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/token";
    }

    public String jwkSetUrl(String realm) {
        return issuer(realm) + "/protocol/openid-connect/certs";
    }

    /** {@code <base>/admin/realms/<realm>}: the realm's admin REST API. */
    public String adminUrl(String realm) {
        return baseUrl() + "/admin/realms/" + realm;
    }

    /** Points a service's resource server (issuer, key set, required audience) at a realm of this server. */
    public void registerResourceServer(DynamicPropertyRegistry registry, String realm, String audience) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer(realm));
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> jwkSetUrl(realm));
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> audience);
    }

    /** How long the start took, from launching the process to the well-known endpoint answering. */
    public Duration startTime() {
        return startTime;
    }

    /** The process id of the Keycloak start script (the JVM is its child). */
    public long pid() {
        return process.pid();
    }

    /** The script and every process below it (the Keycloak JVM). */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        return all;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    // ------------------------------------------------------------------------------------------------ realms --

    /**
     * Imports a realm from its JSON representation (as the realm export or {@code --import-realm} uses), unless a
     * realm of that name exists already on this server. Safe to call from every test class that needs the realm.
     */
    public synchronized void importRealm(Path realmJson) {
        String body;
        try {
            body = Files.readString(realmJson);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the realm file " + realmJson.toAbsolutePath(), ex);
        }
        importRealm(body, realmJson.toString());
    }

    /**
     * Imports a realm given as JSON text (e.g. a realm file edited for this server's address), unless a realm of that
     * name exists already; {@code origin} names it in logs and errors.
     */
    public synchronized void importRealm(String realmJson, String origin) {
        String realm = json.readTree(realmJson).path("realm").asString();
        if (realm.isEmpty()) {
            throw new IllegalArgumentException(origin + " has no \"realm\" name");
        }
        if (importedRealms.contains(realm) || admin().get("/admin/realms/" + realm).status() == 200) {
            importedRealms.add(realm);
            return;
        }
        long started = System.nanoTime();
        Response created = admin().post("/admin/realms", realmJson);
        if (created.status() != 201) {
            throw new IllegalStateException("Importing realm " + realm + " failed: " + created);
        }
        importedRealms.add(realm);
        log.info("Keycloak test server: realm {} imported from {} in {} ms", realm, origin,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    // ------------------------------------------------------------------------------------------------ tokens --

    /** The resource-owner password grant (the client needs direct access grants); check {@link TokenResponse#status()}. */
    public TokenResponse passwordGrant(String realm, String clientId, String username, String password) {
        return tokenRequest(realm, Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", password, "scope", "openid"));
    }

    /** The client-credentials grant of a confidential client with a service account. */
    public TokenResponse clientCredentials(String realm, String clientId, String clientSecret) {
        return tokenRequest(realm, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientSecret));
    }

    /** Any token request; the form parameters as given. */
    public TokenResponse tokenRequest(String realm, Map<String, String> form) {
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Response response = send(HttpRequest.newBuilder(URI.create(tokenUrl(realm)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        return new TokenResponse(response.status(), response.json());
    }

    /** The claims of a JWT (its payload, not verified: the caller got it from this server). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** A token endpoint's answer. */
    public record TokenResponse(int status, JsonNode body) {

        /** The access token; fails when the request did not succeed. */
        public String accessToken() {
            if (status != 200) {
                throw new IllegalStateException("The token request failed: " + status + " " + body);
            }
            return body.path("access_token").asString();
        }

        /** The claims of the access token. */
        public JsonNode claims() {
            return KeycloakTestServer.claims(accessToken());
        }
    }

    // ------------------------------------------------------------------------------------------------ admin --

    /** The admin REST API as the bootstrap administrator of the master realm (for test set-up and checks). */
    public Admin admin() {
        return new Admin();
    }

    /** Calls to {@code <base><path>} with the master administrator's token; JSON in, {@link Response} out. */
    public final class Admin {

        private Admin() {
        }

        public Response get(String path) {
            return call("GET", path, null);
        }

        public Response post(String path, String jsonBody) {
            return call("POST", path, jsonBody);
        }

        public Response put(String path, String jsonBody) {
            return call("PUT", path, jsonBody);
        }

        public Response delete(String path) {
            return call("DELETE", path, null);
        }

        /** The user of a realm with exactly this username, if any. */
        public Optional<JsonNode> user(String realm, String username) {
            Response found = get("/admin/realms/" + realm + "/users?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8));
            if (found.status() != 200) {
                throw new IllegalStateException("User search failed: " + found);
            }
            JsonNode users = found.json();
            return users.isArray() && !users.isEmpty() ? Optional.of(users.get(0)) : Optional.empty();
        }

        /** The names of the realm roles mapped directly to a user. */
        public Set<String> realmRoles(String realm, String userId) {
            Response mapped = get("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm");
            Set<String> names = new HashSet<>();
            mapped.json().forEach(role -> names.add(role.path("name").asString()));
            return names;
        }

        /** Sets a permanent password and clears the user's required actions, so the password grant works. */
        public void setPermanentPassword(String realm, String userId, String password) {
            String path = "/admin/realms/" + realm + "/users/" + userId;
            Response reset = put(path + "/reset-password",
                    json.writeValueAsString(Map.of("type", "password", "value", password, "temporary", false)));
            if (reset.status() != 204) {
                throw new IllegalStateException("Setting the password failed: " + reset);
            }
            JsonNode user = get(path).json();
            ((tools.jackson.databind.node.ObjectNode) user).putArray("requiredActions");
            Response updated = put(path, json.writeValueAsString(user));
            if (updated.status() != 204) {
                throw new IllegalStateException("Clearing the required actions failed: " + updated);
            }
        }

        private Response call(String method, String path, String jsonBody) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(jsonBody));
            }
            else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return send(request);
        }
    }

    /** An HTTP answer: status, headers, body. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public JsonNode json() {
            return body == null || body.isBlank() ? json.missingNode() : json.readTree(body);
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        @Override
        public String toString() {
            return status + " " + (body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }

    private synchronized String adminToken() {
        if (adminToken == null || Instant.now().isAfter(adminTokenExpiry)) {
            TokenResponse response = tokenRequest("master", Map.of("grant_type", "password", "client_id", "admin-cli",
                    "username", "admin", "password", adminPassword));
            adminToken = response.accessToken();
            adminTokenExpiry = Instant.now().plusSeconds(Math.max(5, response.body().path("expires_in").asLong(60) - 15));
        }
        return adminToken;
    }

    // ------------------------------------------------------------------------------------------- lifecycle --

    private void start() {
        Path script = home.resolve("bin/kc.sh");
        String heap = System.getProperty(HEAP_PROPERTY, DEFAULT_HEAP);
        List<String> command = List.of("bash", script.toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + baseUrl(),
                "--http-management-port=" + freePort(), "--db=dev-mem", "--log-console-color=false");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("JAVA_OPTS_KC_HEAP", heap);
        env.put("JAVA_OPTS_APPEND", OWNER_MARKER + ProcessHandle.current().pid() + " " + homeMarker(home));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("JAVA_OPTS");
        long timeoutSeconds = Long.getLong(START_TIMEOUT_PROPERTY, 300);
        log.info("Starting Keycloak from {} on {} (log {})", home, baseUrl(), logFile);
        long started = System.nanoTime();
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + script, ex);
        }
        awaitReady(started, timeoutSeconds);
        startTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Keycloak test server ready on {} in {} ms (pid {})", baseUrl(), startTime.toMillis(), pid());
    }

    /** Polls the master realm's well-known endpoint; the pause between polls is a wait on the process's exit. */
    private void awaitReady(long startedNanos, long timeoutSeconds) {
        URI wellKnown = URI.create(issuer("master") + "/.well-known/openid-configuration");
        long deadline = startedNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            while (System.nanoTime() < deadline) {
                if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
                    String tail = logTail();
                    if (tail.contains("Address already in use") || tail.contains("Port already bound")) {
                        throw new PortTakenException();
                    }
                    throw new IllegalStateException("Keycloak exited with status " + process.exitValue()
                            + " before it was ready; the end of " + logFile + ":\n" + tail);
                }
                try {
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(wellKnown)
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                        return;
                    }
                }
                catch (IOException notYet) {
                    // not listening yet
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + timeoutSeconds + " s; the end of "
                + logFile + ":\n" + logTail());
    }

    /**
     * Stops the server and every process it started: SIGTERM (the start script forwards it to the JVM, which shuts
     * down gracefully), then SIGKILL for whatever is still there 10 s later, one deadline for all of them (Surefire
     * gives a forked JVM 30 s to exit, and its Spring contexts close in that time too). Returns when they are gone.
     */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> all = processes();
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle handle : all) {
            try {
                handle.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            catch (Exception notInTime) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : all) {
            handle.onExit().join();
        }
        log.info("Keycloak test server on {} stopped", baseUrl());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
        catch (IOException | UncheckedIOException ex) {
            return "(log unreadable: " + ex.getMessage() + ")";
        }
    }

    private static Path distribution() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("System property " + HOME_PROPERTY + " is not set: run the tests with "
                    + "Maven (the root pom sets it), or set it to an unpacked keycloak-quarkus-dist");
        }
        Path home = Path.of(configured).toAbsolutePath().normalize();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home + ": declare maven-dependency-plugin"
                    + " in the module's build plugins so the build unpacks it (see the root pom's unpack-keycloak)");
        }
        return home;
    }

    private static String homeMarker(Path home) {
        return "-Dsmartunion.keycloak-test.home=" + home.toString().replace(' ', '_');
    }

    /** Stops servers of this distribution whose owner JVM no longer exists (it was killed before its hook ran). */
    private static void stopServersLeftBehind(Path home) {
        Pattern owner = Pattern.compile(Pattern.quote(OWNER_MARKER) + "(\\d+)");
        String homeMarker = homeMarker(home);
        try (Stream<ProcessHandle> processes = ProcessHandle.allProcesses()) {
            processes.forEach(candidate -> {
                String commandLine = candidate.info().commandLine().orElse("");
                Matcher matcher = owner.matcher(commandLine);
                if (!commandLine.contains(homeMarker) || !matcher.find()) {
                    return;
                }
                long ownerPid = Long.parseLong(matcher.group(1));
                if (ProcessHandle.of(ownerPid).map(ProcessHandle::isAlive).orElse(false)) {
                    return;
                }
                log.warn("Stopping Keycloak pid {} left behind by test JVM {}, which is gone", candidate.pid(), ownerPid);
                candidate.destroy();
                try {
                    candidate.onExit().get(30, TimeUnit.SECONDS);
                }
                catch (Exception notInTime) {
                    candidate.destroyForcibly();
                }
            });
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free loopback port", ex);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), new LinkedHashMap<>(response.headers().map()), response.body());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Keycloak request failed: " + request.build().uri(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static final class PortTakenException extends RuntimeException {
    }
}
