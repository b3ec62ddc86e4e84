package cn.smartunion.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.smartunion.gateway.support.ProblemAssertions;
import cn.smartunion.gateway.support.RecordedRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.http.MediaType;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class OperationsTest extends GatewayTestBase {

    @Test
    void servesAServiceOpenApiDocumentWithoutAToken() {
        client.get().uri("/openapi/membership")
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.info.title").isEqualTo("membership");
        client.get().uri("/openapi/rights")
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.info.title").isEqualTo("rights");

        assertThat(MEMBERSHIP.received()).extracting(RecordedRequest::pathAndQuery).containsExactly("/v3/api-docs");
        assertThat(MEMBERSHIP.received().get(0).header(HttpHeaders.AUTHORIZATION)).isNull();
    }

    @Test
    void servesOneMergedDocumentOfTheServicesThatAnswerWithoutAToken() {
        client.get().uri("/openapi")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.openapi").isEqualTo("3.1.0")
            .jsonPath("$.servers[0].url").isEqualTo("/")
            // each service's paths with its prefix, nothing the gateway does not route
            .jsonPath("$.paths['/api/membership/v1/things/{id}'].get.operationId").isEqualTo("membership.getThing")
            .jsonPath("$.paths['/api/rights/v1/things/{id}'].get.operationId").isEqualTo("rights.getThing")
            .jsonPath("$.paths['/api/competition/v1/things/{id}'].get.operationId").isEqualTo("competition.getThing")
            .jsonPath("$.paths['/api/statistics/v1/things/{id}'].get.operationId").isEqualTo("statistics.getThing")
            .jsonPath("$.paths['/error']").doesNotExist()
            // the stubs all call their schemas Thing and Problem: namespaced, each reference follows its own
            .jsonPath("$.components.schemas['membership.Thing'].properties.service.const").isEqualTo("membership")
            .jsonPath("$.components.schemas['rights.Thing'].properties.service.const").isEqualTo("rights")
            .jsonPath("$.paths['/api/rights/v1/things/{id}'].get.responses['200'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/rights.Thing")
            .jsonPath("$.paths['/api/rights/v1/things/{id}'].get.security[0]['rights.bearer-jwt']").isArray()
            // aid is down: its part is missing, and the document says so
            .jsonPath("$.x-unavailable-services[0]").isEqualTo("aid")
            .jsonPath("$.x-unavailable-services.length()").isEqualTo(1)
            .jsonPath("$.info.description").value(description -> assertThat((String) description).contains("aid"));

        assertThat(MEMBERSHIP.received()).extracting(RecordedRequest::pathAndQuery).containsExactly("/v3/api-docs");
    }

    @Test
    void listsTheMergedAndEveryServiceDocumentInTheSwaggerUi() {
        client.get().uri("/v3/api-docs/swagger-config")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.urls[?(@.name == 'all services')].url").isEqualTo("/openapi")
            .jsonPath("$['urls.primaryName']").isEqualTo("all services")
            .jsonPath("$.validatorUrl").isEqualTo("none")
            .jsonPath("$.urls[?(@.name == 'membership')].url").isEqualTo("/openapi/membership")
            .jsonPath("$.urls[?(@.name == 'aid')].url").isEqualTo("/openapi/aid")
            .jsonPath("$.urls[?(@.name == 'rights')].url").isEqualTo("/openapi/rights")
            .jsonPath("$.urls[?(@.name == 'competition')].url").isEqualTo("/openapi/competition")
            .jsonPath("$.urls[?(@.name == 'statistics')].url").isEqualTo("/openapi/statistics");

        client.get().uri("/webjars/swagger-ui/index.html")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void reportsLivenessAndReadinessWithoutATokenOnTheEdgeAndTheManagementPort() {
        for (WebTestClient target : List.of(client, management())) {
            String liveness = target == client ? "/livez" : "/actuator/health/liveness";
            String readiness = target == client ? "/readyz" : "/actuator/health/readiness";
            target.get().uri(liveness).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
            target.get().uri(readiness).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        }
    }

    @Test
    void exposesPrometheusMetricsIncludingRoutesAndBreakersOnlyOnTheManagementPort() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk();

        String scrape = management().get().uri("/actuator/prometheus").exchange()
            .expectStatus().isOk()
            .expectBody(String.class).returnResult().getResponseBody();

        assertThat(scrape).contains("jvm_memory_used_bytes", "resilience4j_circuitbreaker_state", "routeId=\"membership\"");
        assertThat(managementPort).isNotEqualTo(port);
        client.get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status)
            .as("the edge port serves no metrics").isIn(401, 404));
    }

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void keepsEveryOtherActuatorEndpointOutOfReach() {
        expectProblem(client.get().uri("/actuator/env").exchange(), 401, "token-missing");
        expectProblem(client.get().uri("/actuator/env")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange(), 403, "forbidden");
        expectProblem(client.get().uri("/actuator")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange(), 403, "forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops", "/actuator/loggers",
            "/actuator/heapdump", "/actuator/threaddump", "/actuator/gateway/routes", "/actuator/gateway/globalfilters" })
    void servesNothingButHealthAndMetricsEvenOnTheManagementPort(String path) {
        for (WebTestClient target : List.of(client, management())) {
            target.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchange()
                .expectStatus().value(status -> assertThat(status).as("%s on port %s", path, target == client ? "edge" : "management")
                    .isIn(403, 404));
        }
        // the gateway's route actuator would even let a caller add routes
        management().post().uri("/actuator/gateway/refresh")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().value(status -> assertThat(status).isIn(403, 404));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/membership/../../actuator/env",
            "/api/membership/%2e%2e/%2e%2e/actuator/env",
            "/api/membership/..%2F..%2Factuator/env",
            "/api/membership/v1;/../../../actuator/env" })
    void rejectsPathTricksThatWouldReachAServiceActuator(String path) throws IOException, InterruptedException {
        // sent raw: WebTestClient would encode the path and spoil the trick
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .GET()
            .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue(HttpHeaders.CONTENT_TYPE)).hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.body()).contains("\"type\":\"" + ProblemAssertions.TYPE_PREFIX + "request-rejected\"");
        assertThat(MEMBERSHIP.received()).isEmpty();
    }
}
