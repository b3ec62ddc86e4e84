package cn.smartunion.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import cn.smartunion.gateway.support.RecordedRequest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.handler.predicate.PredicateDefinition;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.gateway.route.RouteDefinitionLocator;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends GatewayTestBase {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void forwardsPathAndQueryUnchangedWithTheTokenAndARequestId() {
        String token = TOKENS.valid();

        EntityExchangeResult<byte[]> result = client.get().uri("/api/membership/v1/members/42?page=2&size=20")
            .header(HttpHeaders.AUTHORIZATION, bearer(token))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("membership")
            .returnResult();

        assertThat(MEMBERSHIP.received()).hasSize(1);
        RecordedRequest forwarded = MEMBERSHIP.received().get(0);
        assertThat(forwarded.method()).isEqualTo("GET");
        assertThat(forwarded.pathAndQuery()).isEqualTo("/api/membership/v1/members/42?page=2&size=20");
        assertThat(forwarded.header(HttpHeaders.AUTHORIZATION)).isEqualTo(bearer(token));

        // generated, passed downstream, echoed once (the service echoes it too)
        List<String> echoed = result.getResponseHeaders().get("X-Request-Id");
        assertThat(echoed).hasSize(1);
        assertThat(echoed.get(0)).matches(UUID_PATTERN);
        assertThat(forwarded.header("X-Request-Id")).isEqualTo(echoed.get(0));
    }

    @Test
    void passesW3cTraceContextDownstream() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk();

        assertThat(MEMBERSHIP.received().get(0).header("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    @Test
    void continuesTheCallersTraceDownstreamAlongWithTheRequestId() {
        String callerTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpanId = "00f067aa0ba902b7";

        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .header("traceparent", "00-" + callerTraceId + "-" + callerSpanId + "-01")
            .header("X-Request-Id", "mobile-7f3a.43")
            .exchange()
            .expectStatus().isOk();

        RecordedRequest forwarded = MEMBERSHIP.received().get(0);
        // same trace, the gateway's own span as the parent
        assertThat(forwarded.header("traceparent")).matches("00-" + callerTraceId + "-[0-9a-f]{16}-01")
            .doesNotContain(callerSpanId);
        assertThat(forwarded.header("X-Request-Id")).isEqualTo("mobile-7f3a.43");
    }

    @Test
    void keepsTheCallersRequestId() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .header("X-Request-Id", "portal-7f3a.42")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("X-Request-Id", "portal-7f3a.42");

        assertThat(MEMBERSHIP.received().get(0).header("X-Request-Id")).isEqualTo("portal-7f3a.42");
    }

    @Test
    void replacesARequestIdThatIsNotASafeToken() {
        String offered = "x\" onload=alert(1) " + "y".repeat(200);

        EntityExchangeResult<byte[]> result = client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .header("X-Request-Id", offered)
            .exchange()
            .expectStatus().isOk()
            .expectBody().returnResult();

        String requestId = result.getResponseHeaders().getFirst("X-Request-Id");
        assertThat(requestId).matches(UUID_PATTERN);
        assertThat(MEMBERSHIP.received().get(0).header("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void forwardsTheRequestBody() {
        client.post().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"orgId\":\"420322-001\"}")
            .exchange()
            .expectStatus().isOk();

        RecordedRequest forwarded = MEMBERSHIP.received().get(0);
        assertThat(forwarded.method()).isEqualTo("POST");
        assertThat(forwarded.body()).isEqualTo("{\"orgId\":\"420322-001\"}");
    }

    @Test
    void passesABodyJustWithinTheLimit() {
        client.post().uri("/api/membership/v1/imports")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[REQUEST_BODY_MAX_BYTES])
            .exchange()
            .expectStatus().isOk();

        assertThat(MEMBERSHIP.received()).singleElement().satisfies(forwarded ->
            assertThat(forwarded.body()).hasSize(REQUEST_BODY_MAX_BYTES));
    }

    @Test
    void rosterUploadsHaveTheirOwnLargerLimit() {
        client.post().uri("/api/membership/v1/enrolment-jobs")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[UPLOAD_BODY_MAX_BYTES])
            .exchange()
            .expectStatus().isOk();
        assertThat(MEMBERSHIP.received()).singleElement().satisfies(forwarded ->
            assertThat(forwarded.body()).hasSize(UPLOAD_BODY_MAX_BYTES));

        expectProblem(client.post().uri("/api/membership/v1/enrolment-jobs")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[UPLOAD_BODY_MAX_BYTES + 1])
            .exchange(), 413, "payload-too-large");
        assertThat(MEMBERSHIP.received()).hasSize(1);
    }

    @Test
    void refusesADeclaredBodyOverTheLimitWith413Problem() {
        expectProblem(client.post().uri("/api/membership/v1/imports")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .contentType(MediaType.APPLICATION_OCTET_STREAM)
            .bodyValue(new byte[REQUEST_BODY_MAX_BYTES + 1])
            .exchange(), 413, "payload-too-large");

        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void refusesAChunkedBodyOverTheLimitWith413ProblemOnceItPassesTheLimit() throws IOException, InterruptedException {
        byte[] body = new byte[REQUEST_BODY_MAX_BYTES * 2];
        // no length known up front: sent chunked, so only counting the bytes can stop it
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/membership/v1/imports"))
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_OCTET_STREAM_VALUE)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body()).contains("\"type\":\"urn:smartunion:problem:payload-too-large\"");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void sendsEachServicePrefixToItsOwnService() {
        client.get().uri("/api/rights/v1/work-orders/7")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("rights");
        client.get().uri("/api/competition/v1/competitions")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("competition");
        client.get().uri("/api/statistics/v1/figures")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.service").isEqualTo("statistics");

        assertThat(STATISTICS.received()).extracting(RecordedRequest::path).containsExactly("/api/statistics/v1/figures");
        assertThat(RIGHTS.received()).extracting(RecordedRequest::path).containsExactly("/api/rights/v1/work-orders/7");
        assertThat(COMPETITION.received()).extracting(RecordedRequest::path).containsExactly("/api/competition/v1/competitions");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void answersAnUnknownPathWith404Problem() {
        expectProblem(client.get().uri("/no/such/thing").exchange(), 404, "not-found")
            .jsonPath("$.title").isEqualTo("Not Found");
    }

    @Test
    void answersAnUnknownServiceWith404ProblemOnceAuthenticated() {
        expectProblem(client.get().uri("/api/payroll/v1/slips")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange(), 404, "not-found");
    }

    @Test
    void writesProblemTitlesInTheCallersLanguage() {
        expectProblem(client.get().uri("/no/such/thing").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9").exchange(),
                404, "not-found")
            .jsonPath("$.title").isEqualTo("未找到");
        expectProblem(client.get().uri("/no/such/thing").header(HttpHeaders.ACCEPT_LANGUAGE, "fr-FR").exchange(),
                404, "not-found")
            .jsonPath("$.title").isEqualTo("Not Found");
    }

    @Test
    void routesNothingOutsideTheTokenCheckedApiExceptOpenApiDocuments(@Autowired RouteDefinitionLocator routes) {
        List<RouteDefinition> definitions = routes.getRouteDefinitions().collectList().block();
        assertThat(definitions).isNotEmpty();

        List<String> paths = definitions.stream()
            .flatMap(definition -> definition.getPredicates().stream())
            .filter(predicate -> predicate.getName().equals("Path"))
            .map(PredicateDefinition::getArgs)
            .flatMap(args -> args.values().stream())
            .filter(Objects::nonNull)
            .toList();
        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).matches("/api/[a-z-]+/\\*\\*|/openapi/[a-z-]+"));

        paths.stream().filter(path -> path.startsWith("/api/")).forEach(path ->
            expectProblem(client.get().uri(path.replace("**", "v1/anything")).exchange(), 401, "token-missing"));
        assertThat(MEMBERSHIP.received()).isEmpty();
    }
}
