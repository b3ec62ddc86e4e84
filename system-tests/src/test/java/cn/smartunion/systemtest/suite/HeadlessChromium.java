package cn.smartunion.systemtest.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * A real headless Chromium (Debian's {@code chromium}), driven over the DevTools protocol: one page, request headers
 * every request of the page carries (a bearer token, as the staff web front end sends it), navigation that waits for
 * the load event, JavaScript evaluated in the page, and screenshots and PDFs of the whole page.
 *
 * <p>The binary is {@code chromium} on the PATH unless {@value #BINARY_PROPERTY} names another.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final String BINARY_PROPERTY = "smartunion.chromium";
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://[^\\s]+)");
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();

    private HeadlessChromium(Process process, Path profile, String pageSocketUrl) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageSocketUrl), new Listener()).join();
    }

    /** The path of the browser binary if there is one here. */
    public static java.util.Optional<String> binary() {
        String configured = System.getProperty(BINARY_PROPERTY);
        if (configured != null) {
            return java.util.Optional.of(configured);
        }
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) {
                    return java.util.Optional.of(candidate.toString());
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** Starts the browser with one blank page of the given viewport. */
    public static HeadlessChromium start(int width, int height) {
        String binary = binary().orElseThrow(() -> new IllegalStateException(
                "no chromium on the PATH (Debian: apt-get install chromium; .ci/run installs it)"));
        try {
            Path profile = Files.createTempDirectory("chromium-profile");
            Process process = new ProcessBuilder(binary, "--headless=new", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                    "--hide-scrollbars", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                    "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
                    .redirectErrorStream(true).start();
            String browserSocket = awaitDevToolsAddress(process);
            String port = URI.create(browserSocket).getPort() + "";
            String pageSocket = pageSocketUrl("http://127.0.0.1:" + port + "/json/list");
            HeadlessChromium chromium = new HeadlessChromium(process, profile, pageSocket);
            chromium.command("Page.enable", Map.of());
            chromium.command("Network.enable", Map.of());
            chromium.command("Runtime.enable", Map.of());
            return chromium;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    /** Headers sent with every request the page makes from now on. */
    public void sendHeaders(Map<String, String> headers) {
        command("Network.setExtraHTTPHeaders", Map.of("headers", headers));
    }

    /** Opens the URL and waits for its load event; answers the main document's HTTP status. */
    public int navigate(String url) {
        events.clear();
        JsonNode result = command("Page.navigate", Map.of("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("navigation to " + url + " failed: " + result.path("errorText"));
        }
        int status = -1;
        long deadline = System.nanoTime() + COMMAND_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode event = nextEvent(deadline);
            String method = event.path("method").asString();
            if (method.equals("Network.responseReceived")
                    && event.path("params").path("type").asString().equals("Document")) {
                status = event.path("params").path("response").path("status").asInt();
            }
            if (method.equals("Page.loadEventFired")) {
                return status;
            }
        }
        throw new IllegalStateException("no load event for " + url + " within " + COMMAND_TIMEOUT);
    }

    /** The value of a JavaScript expression evaluated in the page (JSON-able results only). */
    public JsonNode evaluate(String expression) {
        JsonNode result = command("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the page threw: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A PNG of the whole page, not just the viewport. */
    public Path screenshot(Path file) {
        JsonNode metrics = command("Page.getLayoutMetrics", Map.of());
        JsonNode size = metrics.path("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", size.path("width").asDouble(),
                "height", size.path("height").asDouble(), "scale", 1);
        JsonNode shot = command("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", clip));
        return write(file, shot.path("data").asString());
    }

    /** The page printed as the browser prints it (A4, backgrounds on). */
    public Path pdf(Path file) {
        JsonNode printed = command("Page.printToPDF", Map.of("printBackground", true, "paperWidth", 8.27,
                "paperHeight", 11.69, "preferCSSPageSize", true));
        return write(file, printed.path("data").asString());
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
        catch (Exception ignored) {
            // the browser goes away below in any case
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a temporary folder left behind
        }
    }

    private JsonNode command(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.path("error"));
            }
            return reply.path("result");
        }
        catch (Exception e) {
            if (e instanceof IllegalStateException illegal) {
                throw illegal;
            }
            throw new IllegalStateException(method + " got no answer", e);
        }
        finally {
            pending.remove(id);
        }
    }

    private JsonNode nextEvent(long deadlineNanos) {
        try {
            JsonNode event = events.poll(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return event == null ? JSON.createObjectNode() : event;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String base64) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(base64));
            return file.toAbsolutePath();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitDevToolsAddress(Process process) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> address = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = output.readLine()) != null) {
                    seen.append(line).append('\n');
                    Matcher matcher = DEVTOOLS.matcher(line);
                    if (matcher.find()) {
                        String found = matcher.group(1);
                        // keep draining the browser's output so it never blocks on a full pipe
                        Thread drain = new Thread(() -> drain(output), "chromium-output");
                        drain.setDaemon(true);
                        drain.start();
                        return found;
                    }
                }
                return null;
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            String found = address.get(60, TimeUnit.SECONDS);
            if (found == null) {
                throw new IllegalStateException("chromium exited without a DevTools address:\n" + seen);
            }
            return found;
        }
        catch (Exception e) {
            process.destroyForcibly();
            if (e instanceof IllegalStateException illegal) {
                throw illegal;
            }
            throw new IllegalStateException("chromium did not start:\n" + seen, e);
        }
    }

    private static void drain(BufferedReader output) {
        try {
            while (output.readLine() != null) {
                // discarded: the browser's own diagnostics
            }
        }
        catch (IOException ignored) {
            // the browser has gone
        }
    }

    /** The page's DevTools socket, once the browser lists its page (polled, never spun on). */
    private static String pageSocketUrl(String listUrl) {
        HttpClient client = HttpClient.newHttpClient();
        return await("chromium lists its page at " + listUrl).atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(listUrl)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    for (JsonNode target : JSON.readTree(list.body())) {
                        if (target.path("type").asString().equals("page")) {
                            return target.path("webSocketDebuggerUrl").asString();
                        }
                    }
                    return null;
                }, java.util.Objects::nonNull);
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = JSON.readTree(partial.toString());
                partial.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = pending.get(message.path("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                }
                else {
                    events.add(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
