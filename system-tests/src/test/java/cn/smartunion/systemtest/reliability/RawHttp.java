package cn.smartunion.systemtest.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP as a careless or hostile client speaks it: any method, any content type, any bytes (invalid JSON, NUL bytes, a
 * megabyte of text), which {@link cn.smartunion.systemtest.suite.Http} (JSON of objects) cannot send.
 */
final class RawHttp {

    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private RawHttp() {
    }

    /** A request; {@code contentType} and {@code body} may be null (no body). */
    record Request(String method, String url, String contentType, byte[] body, Map<String, String> headers) {

        static Request json(String method, String url, String json) {
            return new Request(method, url, "application/json", json.getBytes(StandardCharsets.UTF_8), Map.of());
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return method + " " + (url.length() > 300 ? url.substring(0, 300) + "…" : url) + " [" + contentType + "] "
                    + shown + (body != null && body.length > 300 ? "… (" + body.length + " bytes)" : "");
        }
    }

    record Answer(int status, String contentType, String body) {
    }

    static Answer send(Request request, String token) {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(60));
        }
        catch (IllegalArgumentException unsendable) {
            throw new IllegalStateException("the generator made a URL no client can send: " + request.url(),
                    unsendable);
        }
        builder.header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::setHeader);
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                    response.body());
        }
        catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
