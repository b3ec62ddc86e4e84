package cn.smartunion.gateway.openapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.smartunion.gateway.openapi.OpenApiMerger.ServiceDocument;
import cn.smartunion.gateway.resilience.UpstreamFailures;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Fetches every service's OpenAPI document concurrently and merges them. A service that is down, slow or answers
 * something that is not a JSON object is left out with a warning; the others are still served. The merged document is
 * cached for a while and concurrent requests share one round of fetches.
 */
@Component
public class AggregatedOpenApi {

    private static final Logger log = LoggerFactory.getLogger(AggregatedOpenApi.class);

    private final OpenApiProperties properties;
    private final JsonMapper jsonMapper;
    private final WebClient webClient;
    private final Mono<Merged> document;

    public AggregatedOpenApi(OpenApiProperties properties, JsonMapper jsonMapper) {
        this.properties = properties;
        this.jsonMapper = jsonMapper;
        this.webClient = WebClient.builder()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize((int) properties.maxDocumentSize().toBytes()))
            .build();
        // a document missing a service (one still generating its first document, or down) is not kept: the next
        // request tries again
        this.document = Mono.defer(this::fetchAndMerge)
            .cache(merged -> merged.complete() ? properties.cacheTimeToLive() : Duration.ZERO, error -> Duration.ZERO,
                () -> Duration.ZERO);
    }

    /** The merged document as JSON. */
    public Mono<byte[]> document() {
        return document.map(Merged::json);
    }

    private Mono<Merged> fetchAndMerge() {
        return Flux.fromIterable(properties.services().entrySet())
            .flatMapSequential(service -> fetch(service.getKey(), service.getValue())
                .map(json -> new Fetched(service.getKey(), Optional.of(new ServiceDocument(service.getKey(), service.getValue().pathPrefix(), json))))
                .defaultIfEmpty(new Fetched(service.getKey(), Optional.empty())))
            .collectList()
            .map(fetched -> {
                List<ServiceDocument> available = new ArrayList<>();
                List<String> unavailable = new ArrayList<>();
                fetched.forEach(result -> result.document().ifPresentOrElse(available::add, () -> unavailable.add(result.service())));
                return new Merged(jsonMapper.writeValueAsBytes(OpenApiMerger.merge(properties.title(), available,
                    unavailable)), unavailable.isEmpty());
            });
    }

    private Mono<JsonNode> fetch(String name, OpenApiProperties.Service service) {
        return webClient.get()
            .uri(service.uri().resolve(service.documentPath()))
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .bodyToMono(byte[].class)
            .timeout(properties.fetchTimeout())
            .map(jsonMapper::readTree)
            .filter(JsonNode::isObject)
            .switchIfEmpty(Mono.defer(() -> {
                log.warn("Leaving {} out of the aggregated OpenAPI document: it answered no JSON object", name);
                return Mono.empty();
            }))
            .onErrorResume(error -> {
                log.warn("Leaving {} out of the aggregated OpenAPI document: {}", name, UpstreamFailures.describe(error));
                return Mono.empty();
            });
    }

    private record Fetched(String service, Optional<ServiceDocument> document) {
    }

    private record Merged(byte[] json, boolean complete) {
    }
}
