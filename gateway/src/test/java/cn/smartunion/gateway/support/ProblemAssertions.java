package cn.smartunion.gateway.support;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

public final class ProblemAssertions {

    public static final String TYPE_PREFIX = "urn:smartunion:problem:";

    private ProblemAssertions() {
    }

    /**
     * The response is RFC 9457 problem details of the given kind, quotes the request id the gateway echoed, and
     * gives nothing of the implementation away.
     */
    public static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String kind) {
        return response.expectStatus().isEqualTo(status)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo(TYPE_PREFIX + kind)
            .jsonPath("$.status").isEqualTo(status)
            .jsonPath("$.title").isNotEmpty()
            .jsonPath("$.detail").isNotEmpty()
            .consumeWith(result -> {
                String body = new String(result.getResponseBodyContent(), StandardCharsets.UTF_8);
                String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
                assertThat(requestId).isNotBlank();
                assertThat(body).contains("\"requestId\":\"" + requestId + "\"");
                assertThat(body).doesNotContain("Exception", "\tat ", "cn.smartunion", "org.springframework");
            });
    }
}
