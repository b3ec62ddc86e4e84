package cn.smartunion.systemtest.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP as the suite's clients speak it: JSON in and out, an optional bearer token, every answer kept whole. */
public final class Http {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Http() {
    }

    public static Answer get(String url, String token) {
        return send(request(url, token, Map.of()).GET());
    }

    public static Answer get(String url, String token, Map<String, String> headers) {
        return send(request(url, token, headers).GET());
    }

    /** A request without a body, e.g. a CORS preflight ({@code OPTIONS}). */
    public static Answer call(String method, String url, String token, Map<String, String> headers) {
        return send(request(url, token, headers).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    public static Answer post(String url, String token, Object body) {
        return post(url, token, body, Map.of());
    }

    public static Answer post(String url, String token, Object body, Map<String, String> headers) {
        return send(request(url, token, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    public static Answer put(String url, String token, Object body, Map<String, String> headers) {
        return send(request(url, token, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(toJson(body))));
    }

    /** A POST of raw bytes (an upload) with the given content type. */
    public static Answer postBytes(String url, String token, String contentType, byte[] body) {
        return send(request(url, token, Map.of("Content-Type", contentType))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public static String toJson(Object value) {
        return json.writeValueAsString(value);
    }

    private static HttpRequest.Builder request(String url, String token, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::setHeader);
        return request;
    }

    private static Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(built, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
            return new Answer(built.method() + " " + built.uri(), response.statusCode(), headers, response.body(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One response; {@link #toString()} shows what was asked and what came back, for assertion messages. */
    public record Answer(String request, int status, Map<String, String> headers, String body, Duration took) {

        public JsonNode json() {
            return json.readTree(body);
        }

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        public boolean isProblem() {
            return header("content-type").orElse("").startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + headers.getOrDefault("content-type", "") + " "
                    + (body.length() > 600 ? body.substring(0, 600) + "…" : body);
        }
    }
}
