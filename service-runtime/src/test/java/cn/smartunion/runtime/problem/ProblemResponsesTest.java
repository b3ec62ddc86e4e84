package cn.smartunion.runtime.problem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwtIssuer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every failure a client can meet, through a real port and a real signed token: each must come back as
 * problem+json with the suite's type, a localised title, and nothing internal.
 */
@SpringBootTest(classes = ProblemTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "smartunion.http.max-request-body=1KB", "spring.servlet.multipart.max-file-size=4KB",
                "spring.servlet.multipart.max-request-size=5KB", TestPersonalDataKeys.AES_KEY,
                TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY })
@ExtendWith(OutputCaptureExtension.class)
class ProblemResponsesTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.start();

    private static final String AUDIENCE = "smartunion-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ISSUER.registerResourceServer(registry, AUDIENCE);
        MongoWireServer.registerUri(registry, "problem-test");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void bodyValidationFailureListsEachFieldWithoutTheRejectedValues() throws Exception {
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\" \",\"age\":3,\"address\":{\"city\":\"\"}}", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:validation", "Validation failed");
        assertThat(problem.at("/violations").findValuesAsString("field"))
            .containsExactlyInAnyOrder("name", "age", "address.city");
        assertThat(violationMessage(problem, "name")).isEqualTo("must not be blank");
    }

    @Test
    void violationMessagesFollowTheResponseLanguage() throws Exception {
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\"\",\"age\":30,\"address\":{\"city\":\"十堰\"}}", "zh-CN");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:validation", "校验失败");
        assertThat(violationMessage(problem, "name")).isEqualTo("不能为空");
    }

    @Test
    void unknownJsonPropertyIsRejectedNamingIt() throws Exception {
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\"张三\",\"age\":30,\"address\":{\"city\":\"十堰\",\"zipcode\":\"442000\"}}", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(violationMessage(problem, "address.zipcode")).isEqualTo("unknown property");
    }

    @Test
    void wrongTypeNamesTheFieldButDoesNotEchoTheValue() throws Exception {
        String hugeValue = "9".repeat(300) + "x".repeat(500);
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\"张三\",\"age\":\"" + hugeValue + "\",\"address\":{\"city\":\"十堰\"}}", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(violationMessage(problem, "age")).isEqualTo("has the wrong type or format");
        assertThat(response.body()).doesNotContain("xxxx").doesNotContain("9999").hasSizeLessThan(800);
    }

    @Test
    void syntacticallyBrokenJsonIsAMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/test/problems/members", "{\"name\": \"张三\", oops", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(problem.get("detail").asString()).isEqualTo("The request body is not valid JSON.");
        assertThat(response.body()).doesNotContain("oops");
    }

    @Test
    void bodyOfTheWrongShapeIsAMalformedRequest() throws Exception {
        HttpResponse<String> response = post("/test/problems/members", "[1, 2, 3]", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(problem.get("detail").asString())
            .isEqualTo("The request body does not have the expected structure.");
    }

    @Test
    void invalidCitizenIdNumberInTheBodyIsAFieldViolationThatDoesNotEchoTheNumber() throws Exception {
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\"张三\",\"age\":30,\"address\":{\"city\":\"十堰\"},\"idNumber\":\"420322199001011235\"}",
                "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:validation", "Validation failed");
        assertThat(violationMessage(problem, "idNumber"))
            .isEqualTo("is not a valid citizen ID number (the check character does not match)");
        assertThat(response.body()).doesNotContain("420322199001011235");
    }

    @Test
    void invalidCitizenIdNumberThrownByServiceCodeIsAFieldViolation() throws Exception {
        HttpResponse<String> response = get("/test/problems/invalid-id?number=42032219900101123", "zh-CN");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:validation", "校验失败");
        assertThat(violationMessage(problem, "citizenIdNumber")).isEqualTo("不是有效的公民身份号码（应为 18 位）");
        assertThat(response.body()).doesNotContain("42032219900101123");
    }

    @Test
    void citizenIdNumberInAResponseIsMasked() throws Exception {
        HttpResponse<String> response = post("/test/problems/members",
                "{\"name\":\"张三\",\"age\":30,\"address\":{\"city\":\"十堰\"},\"idNumber\":\"11010519491231002x\"}",
                "en");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("idNumber").asString()).isEqualTo("1101**********002X");
    }

    @Test
    void parameterConstraintViolationNamesTheParameter() throws Exception {
        HttpResponse<String> response = get("/test/problems/search?size=1000", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:validation", "Validation failed");
        assertThat(violationMessage(problem, "size")).isEqualTo("must be less than or equal to 100");
    }

    @Test
    void parameterOfTheWrongTypeNamesTheParameter() throws Exception {
        HttpResponse<String> response = get("/test/problems/search?size=lots", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(violationMessage(problem, "size")).isEqualTo("has the wrong type or format");
        assertThat(response.body()).doesNotContain("lots");
    }

    @Test
    void missingParameterNamesTheParameter() throws Exception {
        HttpResponse<String> response = get("/test/problems/search", "en");

        JsonNode problem = assertProblem(response, 400, "urn:smartunion:problem:malformed-request",
                "Malformed request");
        assertThat(violationMessage(problem, "size")).isEqualTo("is required");
    }

    @Test
    void notFoundExceptionIs404WithTheServiceDetail() throws Exception {
        JsonNode problem = assertProblem(get("/test/problems/not-found", "en"), 404,
                "urn:smartunion:problem:not-found", "Not found");
        assertThat(problem.get("detail").asString()).isEqualTo("Member not found");
        assertThat(problem.get("instance").asString()).isEqualTo("/test/problems/not-found");
    }

    @Test
    void unmappedPathIs404EvenWhenTheClientAsksForHtml() throws Exception {
        HttpResponse<String> response = send(request("/test/nowhere", "en").header("Accept", "text/html").GET());

        assertProblem(response, 404, "urn:smartunion:problem:not-found", "Not found");
    }

    @Test
    void titleIsChineseByDefaultAndEnglishOnRequest() throws Exception {
        assertProblem(get("/test/problems/not-found", null), 404, "urn:smartunion:problem:not-found", "未找到");
        assertProblem(get("/test/problems/not-found", "zh-TW,zh;q=0.9"), 404, "urn:smartunion:problem:not-found",
                "未找到");
        assertProblem(get("/test/problems/not-found", "en-US,en;q=0.9,zh;q=0.5"), 404,
                "urn:smartunion:problem:not-found", "Not found");
        assertProblem(get("/test/problems/not-found", "fr"), 404, "urn:smartunion:problem:not-found", "未找到");
    }

    @Test
    void accessDeniedIs403WithoutTheExceptionMessage() throws Exception {
        HttpResponse<String> response = get("/test/problems/forbidden", "en");

        assertProblem(response, 403, "urn:smartunion:problem:forbidden", "Access denied");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("aid-approver");
    }

    @Test
    void conflictsAre409AndNeverRevealStoredValues() throws Exception {
        JsonNode closed = assertProblem(get("/test/problems/conflict", "en"), 409, "urn:smartunion:problem:conflict",
                "Conflict");
        assertThat(closed.get("detail").asString()).isEqualTo("The case is already closed");

        HttpResponse<String> stale = get("/test/problems/stale", "en");
        assertProblem(stale, 409, "urn:smartunion:problem:conflict", "Conflict");
        assertThat(stale.body()).doesNotContain("members").doesNotContain("Version 3");

        HttpResponse<String> duplicate = get("/test/problems/duplicate", "en");
        assertProblem(duplicate, 409, "urn:smartunion:problem:conflict", "Conflict");
        assertThat(duplicate.body()).doesNotContain("420322").doesNotContain("E11000");
    }

    @Test
    void methodNotAllowedIs405WithAllowHeader() throws Exception {
        HttpResponse<String> response = send(request("/test/problems/not-found", "en").DELETE());

        assertProblem(response, 405, "urn:smartunion:problem:method-not-allowed", "Method not allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(allow -> assertThat(allow)
            .contains("GET"));
    }

    @Test
    void unsupportedMediaTypeIs415() throws Exception {
        HttpResponse<String> response = send(request("/test/problems/members", "en")
            .header("Content-Type", "text/plain")
            .POST(BodyPublishers.ofString("name=张三")));

        assertProblem(response, 415, "urn:smartunion:problem:unsupported-media-type", "Unsupported media type");
    }

    @Test
    void unexpectedExceptionIs500WithAGenericDetailAndNoInternals(CapturedOutput logs) throws Exception {
        HttpResponse<String> response = get("/test/problems/secret", "en");

        JsonNode problem = assertProblem(response, 500, "urn:smartunion:problem:internal-error", "Internal error");
        assertThat(problem.get("detail").asString())
            .isEqualTo("An unexpected error occurred. Quote the requestId when reporting it.");
        assertThat(response.body()).doesNotContain("hunter2")
            .doesNotContain("IllegalStateException")
            .doesNotContain("java.")
            .doesNotContain("at cn.smartunion");
        String requestId = problem.get("requestId").asString();
        assertThat(logs.getOut()).contains(requestId, "java.lang.IllegalStateException", "1101**********002X")
            .doesNotContain(ProblemTestApplication.CITIZEN_ID);
    }

    @Test
    void aClientThatHungUpMidResponseIsNotLoggedAsAServerError(CapturedOutput logs) throws Exception {
        get("/test/problems/client-gone", "en");

        assertThat(logs.getOut()).contains("Client went away before the response was complete")
            .doesNotContain("Unhandled exception answered with 500");
    }

    @Test
    void failureOutsideSpringMvcIsAnsweredByTheErrorPageAsProblemJson() throws Exception {
        HttpResponse<String> response = send(request("/test/filter-failure", "en").header("Accept", "text/html")
            .GET());

        assertProblem(response, 500, "urn:smartunion:problem:internal-error", "Internal error");
        assertThat(response.body()).doesNotContain("hunter2").doesNotContain("filter broke");
        assertThat(JSON.readTree(response.body()).get("instance").asString()).isEqualTo("/test/filter-failure");
    }

    @Test
    void serviceAdviceWinsForTheExceptionsItHandles() throws Exception {
        HttpResponse<String> response = get("/test/problems/quota", "en");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("Partner quota exceeded");
    }

    @Test
    void problemCarriesTheRequestIdFromTheGatewayAndEchoesIt() throws Exception {
        HttpResponse<String> response = send(request("/test/problems/not-found", "en")
            .header("X-Request-Id", "gw-0123456789abcdef")
            .GET());

        JsonNode problem = assertProblem(response, 404, "urn:smartunion:problem:not-found", "Not found");
        assertThat(problem.get("requestId").asString()).isEqualTo("gw-0123456789abcdef");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("gw-0123456789abcdef");
    }

    @Test
    void forgedRequestIdIsReplaced() throws Exception {
        HttpResponse<String> response = send(request("/test/problems/not-found", "en")
            .header("X-Request-Id", "<script>alert(1)</script>")
            .GET());

        String requestId = JSON.readTree(response.body()).get("requestId").asString();
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue(requestId);
    }

    @Test
    void missingTokenIs401ProblemWithBearerChallenge() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/test/problems/not-found"))
            .header("Accept-Language", "en")
            .GET());

        JsonNode problem = assertProblem(response, 401, "urn:smartunion:problem:unauthenticated",
                "Authentication required");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer"));
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void missingTokenOnAnUnmappedPathIsStill401NotHtml() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/anything"))
            .header("Accept", "text/html")
            .GET());

        assertProblem(response, 401, "urn:smartunion:problem:unauthenticated", "需要身份认证");
    }

    @Nested
    class RequestBodyLimit {

        private final byte[] twoKilobytes = "{\"name\":\"".concat("张".repeat(700)).concat("\"}").getBytes();

        @Test
        void declaredContentLengthAboveTheLimitIs413() throws Exception {
            HttpResponse<String> response = send(request("/test/problems/members", "en")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(twoKilobytes)));

            JsonNode problem = assertProblem(response, 413, "urn:smartunion:problem:payload-too-large",
                    "Payload too large");
            assertThat(problem.get("detail").asString()).isEqualTo("The request body exceeds the limit of 1,024 bytes.");
        }

        @Test
        void chunkedJsonBodyIsCutOffAtTheLimitWith413() throws Exception {
            HttpResponse<String> response = send(request("/test/problems/members", "en")
                .header("Content-Type", "application/json")
                .POST(chunked(twoKilobytes)));

            assertProblem(response, 413, "urn:smartunion:problem:payload-too-large", "Payload too large");
        }

        @Test
        void chunkedStreamReadByTheControllerIsCutOffAtTheLimitWith413() throws Exception {
            HttpResponse<String> response = send(request("/test/problems/bytes", "en")
                .header("Content-Type", "application/octet-stream")
                .POST(chunked(new byte[5000])));

            assertProblem(response, 413, "urn:smartunion:problem:payload-too-large", "Payload too large");
        }

        @Test
        void chunkedBodyWithinTheLimitIsReadWhole() throws Exception {
            HttpResponse<String> response = send(request("/test/problems/bytes", "en")
                .header("Content-Type", "application/octet-stream")
                .POST(chunked(new byte[1024])));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("read 1024");
        }

        @Test
        void multipartUploadsAreCappedByTheMultipartLimitsNotTheBodyLimit() throws Exception {
            HttpResponse<String> within = send(multipart(new byte[3000]));
            assertThat(within.statusCode()).as(within.body()).isEqualTo(200);
            assertThat(within.body()).isEqualTo("uploaded 3000");

            assertProblem(send(multipart(new byte[8000])), 413, "urn:smartunion:problem:payload-too-large",
                    "Payload too large");
        }

        private HttpRequest.Builder multipart(byte[] file) {
            String boundary = "----limit-test";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes();
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
            byte[] body = new byte[head.length + file.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(file, 0, body, head.length, file.length);
            System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
            return request("/test/problems/upload", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.ofByteArray(body));
        }

        private HttpRequest.BodyPublisher chunked(byte[] body) {
            // an InputStream publisher has no length, so the client sends Transfer-Encoding: chunked
            return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        }
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String type, String title) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isEqualTo(title);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.has("requestId")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static String violationMessage(JsonNode problem, String field) {
        for (JsonNode violation : problem.path("violations")) {
            if (violation.get("field").asString().equals(field)) {
                return violation.get("message").asString();
            }
        }
        throw new AssertionError("No violation for " + field + " in " + problem);
    }

    private HttpResponse<String> get(String path, String language) throws IOException, InterruptedException {
        return send(request(path, language).GET());
    }

    private HttpResponse<String> post(String path, String json, String language)
            throws IOException, InterruptedException {
        return send(request(path, language).header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String language) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer " + ISSUER.orgUserToken("420000", AUDIENCE, "staff"));
        if (language != null) {
            builder.header("Accept-Language", language);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
