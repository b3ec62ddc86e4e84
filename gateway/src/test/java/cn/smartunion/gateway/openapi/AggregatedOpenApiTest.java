package cn.smartunion.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.smartunion.gateway.support.FreePort;
import cn.smartunion.gateway.support.StubService;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class AggregatedOpenApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final StubService membership = StubService.start("membership");
    private final StubService rights = StubService.start("rights");

    @AfterEach
    void stopStubs() {
        membership.close();
        rights.close();
    }

    @Test
    void leavesOutServicesThatAreDownOrFailingAndKeepsTheRest() {
        Map<String, OpenApiProperties.Service> services = new LinkedHashMap<>();
        services.put("membership", service(membership.baseUri(), "/v3/api-docs", "/api/membership/"));
        services.put("aid", service("http://127.0.0.1:" + FreePort.unused(), "/v3/api-docs", "/api/aid/"));
        // the stub answers 500 here
        services.put("rights", service(rights.baseUri(), "/docs/boom", "/api/rights/"));
        AggregatedOpenApi openApi = new AggregatedOpenApi(properties(services, WAIT, Duration.ofMinutes(1)), JSON);

        JsonNode merged = JSON.readTree(openApi.document().block(WAIT));

        assertThat(merged.path("paths").propertyNames()).containsExactly("/api/membership/v1/things/{id}");
        assertThat(merged.path(OpenApiMerger.UNAVAILABLE_EXTENSION).values()).extracting(JsonNode::asString)
            .containsExactly("aid", "rights");
    }

    @Test
    void leavesOutAServiceThatDoesNotAnswerInTime() {
        // the stub holds its answer here until the test ends
        AggregatedOpenApi openApi = new AggregatedOpenApi(properties(Map.of(
                "rights", service(rights.baseUri(), "/docs/slow", "/api/rights/")), Duration.ofMillis(200), Duration.ofMinutes(1)), JSON);

        JsonNode merged = JSON.readTree(openApi.document().block(WAIT));

        assertThat(merged.path(OpenApiMerger.UNAVAILABLE_EXTENSION).values()).extracting(JsonNode::asString).containsExactly("rights");
    }

    @Test
    void asksTheServicesOncePerTimeToLiveHoweverManyRequestsArrive() {
        AggregatedOpenApi openApi = new AggregatedOpenApi(properties(Map.of(
                "membership", service(membership.baseUri(), "/v3/api-docs", "/api/membership/")), WAIT, Duration.ofMinutes(1)), JSON);

        List<byte[]> answers = Flux.range(0, 10).flatMap(i -> openApi.document()).collectList().block(WAIT);
        openApi.document().block(WAIT);

        assertThat(answers).hasSize(10);
        assertThat(membership.received()).hasSize(1);
    }

    @Test
    void aDocumentMissingAServiceIsNotKeptSoTheNextRequestAsksAgain() {
        Map<String, OpenApiProperties.Service> services = new LinkedHashMap<>();
        services.put("membership", service(membership.baseUri(), "/v3/api-docs", "/api/membership/"));
        services.put("aid", service("http://127.0.0.1:" + FreePort.unused(), "/v3/api-docs", "/api/aid/"));
        AggregatedOpenApi openApi = new AggregatedOpenApi(properties(services, WAIT, Duration.ofMinutes(1)), JSON);

        openApi.document().block(WAIT);
        openApi.document().block(WAIT);

        assertThat(membership.received()).hasSize(2);
    }

    @Test
    void asksAgainOnceTheMergedDocumentHasExpired() {
        AggregatedOpenApi openApi = new AggregatedOpenApi(properties(Map.of(
                "membership", service(membership.baseUri(), "/v3/api-docs", "/api/membership/")), WAIT, Duration.ZERO), JSON);

        openApi.document().block(WAIT);
        openApi.document().block(WAIT);

        assertThat(membership.received()).hasSize(2);
    }

    private static OpenApiProperties properties(Map<String, OpenApiProperties.Service> services, Duration fetchTimeout,
            Duration timeToLive) {
        return new OpenApiProperties("Smart Union Suite API", services, fetchTimeout, timeToLive, DataSize.ofMegabytes(1));
    }

    private static OpenApiProperties.Service service(String uri, String documentPath, String pathPrefix) {
        return new OpenApiProperties.Service(URI.create(uri), documentPath, pathPrefix);
    }
}
