package cn.smartunion.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for one downstream service. It records every request and answers by path:
 * <ul>
 * <li>{@code /v3/api-docs}: a small OpenAPI document titled with the service name, with one path under the service's
 * prefix ({@code /api/<name>/v1/things/{id}}), one outside it ({@code /error}) and components named like every other
 * stub's</li>
 * <li>{@code .../slow}: holds the response until {@link #reset()} (the gateway must time out first)</li>
 * <li>{@code .../unavailable}: 503; {@code .../boom}: 500, both as problem details</li>
 * <li>{@code .../own-cors}: 200 with CORS headers of its own (which the edge must not let through beside its own)</li>
 * <li>anything else: 200 with the method, path and query echoed as JSON, after {@link #respondAfter(Duration)}</li>
 * </ul>
 * Like a real service it echoes {@code X-Request-Id} back.
 */
public final class StubService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String OPENAPI_DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "NAME", "version": "v1"},
              "servers": [{"url": "http://NAME.internal:8080", "description": "Generated server url"}],
              "security": [{"bearer-jwt": []}],
              "paths": {
                "/api/NAME/v1/things/{id}": {
                  "get": {
                    "tags": ["things"],
                    "operationId": "getThing",
                    "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
                    "responses": {
                      "200": {"description": "the thing", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                      "404": {"description": "no such thing", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
                    }
                  }
                },
                "/error": {"get": {"operationId": "error", "responses": {"200": {"description": "the error page"}}}}
              },
              "components": {
                "schemas": {
                  "Thing": {"type": "object", "properties": {"id": {"type": "string"}, "service": {"const": "NAME"}}},
                  "Problem": {"type": "object", "properties": {"type": {"type": "string"}}}
                },
                "securitySchemes": {"bearer-jwt": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}
              }
            }
            """;

    private final String name;
    private final HttpServer server;
    private final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile CountDownLatch stall = new CountDownLatch(1);
    private volatile Duration echoDelay = Duration.ZERO;

    private StubService(String name) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // several threads: a stalled /slow call must not block the others
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "stub-" + name);
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubService start(String name) {
        return new StubService(name);
    }

    @Override
    public void close() {
        reset();
        server.stop(0);
    }

    public String baseUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<RecordedRequest> received() {
        return List.copyOf(received);
    }

    /** The most requests it was handling at once since the last {@link #reset()}. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** From now on (until {@link #reset()}) echo answers take this long, like a service doing some work. */
    public void respondAfter(Duration delay) {
        echoDelay = delay;
    }

    /** Forget what was received, answer at once again and let any held {@code /slow} call finish. */
    public void reset() {
        stall.countDown();
        stall = new CountDownLatch(1);
        echoDelay = Duration.ZERO;
        received.clear();
        maxInFlight.set(inFlight.get());
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            answer(exchange);
        }
        finally {
            inFlight.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(), List.copyOf(values)));
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8));
        received.add(request);

        String requestId = request.header("X-Request-Id");
        if (requestId != null) {
            exchange.getResponseHeaders().set("X-Request-Id", requestId);
        }
        String path = request.path();
        if (path.equals("/v3/api-docs")) {
            respond(exchange, 200, "application/json", JSON.readTree(OPENAPI_DOCUMENT.replace("NAME", name)));
        }
        else if (path.endsWith("/slow")) {
            awaitRelease();
            respond(exchange, 200, "application/json", Map.of("service", name, "slow", true));
        }
        else if (path.endsWith("/unavailable")) {
            respond(exchange, 503, "application/problem+json", Map.of("type", "stub:unavailable", "status", 503));
        }
        else if (path.endsWith("/own-cors")) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Access-Control-Allow-Credentials", "false");
            exchange.getResponseHeaders().set("Vary", "Origin");
            respond(exchange, 200, "application/json", Map.of("service", name));
        }
        else if (path.endsWith("/boom")) {
            respond(exchange, 500, "application/problem+json", Map.of("type", "stub:boom", "status", 500));
        }
        else {
            pause(echoDelay);
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("service", name);
            echo.put("method", request.method());
            echo.put("path", request.path());
            echo.put("query", request.query());
            respond(exchange, 200, "application/json", echo);
        }
    }

    private void awaitRelease() {
        try {
            stall.await(30, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
