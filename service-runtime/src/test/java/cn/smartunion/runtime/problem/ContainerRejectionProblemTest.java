package cn.smartunion.runtime.problem;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwtIssuer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses before any filter or servlet sees them (found by the reliability suite's malformed-input
 * scenario, which got Tomcat's HTML error page for them): they are answered with a problem too, without HTML, server
 * details or the rejected path's decoded text.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { TestPersonalDataKeys.AES_KEY, TestPersonalDataKeys.ACTIVE_KEY_ID,
                TestPersonalDataKeys.BLIND_INDEX_KEY })
class ContainerRejectionProblemTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.start();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ISSUER.registerResourceServer(registry, "smartunion-api");
        MongoWireServer.registerUri(registry, "container-rejection-test");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/test/problems/members/..%2F..%2Fetc%2Fpasswd", "/test/problems/members/abc%00def",
            "/test/problems/members/%C0%AF" })
    void aPathTheContainerRefusesIsABadRequestProblem(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept-Language", "en").GET().build(), BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("type").asString()).startsWith("urn:smartunion:problem:");
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "etc/passwd");
    }
}
