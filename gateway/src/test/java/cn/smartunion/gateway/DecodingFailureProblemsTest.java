package cn.smartunion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Reactor Netty refuses before the application sees them still get a problem+json answer, like every other
 * error of the gateway, while ordinary answers are not touched.
 */
class DecodingFailureProblemsTest extends GatewayTestBase {

    @Test
    void aRequestLineOverTheLimitGetsAProblem() throws IOException {
        String answer = exchange("GET /api/membership/v1/members?q=" + "x".repeat(8_000) + " HTTP/1.1\r\nHost: a\r\n\r\n");

        assertProblem(answer, 414, "Request-URI Too Long");
    }

    @Test
    void headersOverTheLimitGetAProblem() throws IOException {
        String answer = exchange("GET /api/membership/v1/members HTTP/1.1\r\nHost: a\r\nX-Big: " + "y".repeat(20_000)
                + "\r\n\r\n");

        assertProblem(answer, 431, "Request Header Fields Too Large");
    }

    @Test
    void answersTheApplicationGivesAreLeftAsTheyAre() throws IOException {
        String answer = exchange("GET /api/membership/v1/members HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 401").doesNotContain("about:blank");
    }

    private static void assertProblem(String answer, int status, String title) {
        String lower = answer.toLowerCase(Locale.ROOT);
        assertThat(answer).startsWith("HTTP/1.1 " + status);
        assertThat(lower).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":" + status).contains("\"title\":\"" + title + "\"");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(lower).contains("content-length: " + body.getBytes(StandardCharsets.UTF_8).length);
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
