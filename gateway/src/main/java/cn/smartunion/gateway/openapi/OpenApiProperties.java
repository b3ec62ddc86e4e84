package cn.smartunion.gateway.openapi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * The aggregated OpenAPI document at {@code /openapi}.
 *
 * @param title the merged document's title
 * @param services each service's name (its namespace in the merged document) and where its document is
 * @param fetchTimeout how long to wait for one service's document; one that takes longer is left out
 * @param cacheTimeToLive how long a merged document is served before the services are asked again; the endpoint is
 *        public, so it must not turn every anonymous request into four downstream calls
 * @param maxDocumentSize the largest service document read
 */
@ConfigurationProperties("smart-union.gateway.openapi")
public record OpenApiProperties(@DefaultValue("Smart Union Suite API") String title, Map<String, Service> services,
        Duration fetchTimeout, Duration cacheTimeToLive, @DefaultValue("4MB") DataSize maxDocumentSize) {

    public OpenApiProperties {
        Assert.notEmpty(services, "smart-union.gateway.openapi.services must name at least one service");
        Assert.isTrue(services.keySet().stream().allMatch(name -> name.matches("[a-z][a-z0-9-]*")),
                "smart-union.gateway.openapi.services: names are lower-case words, they become component namespaces");
        Assert.notNull(fetchTimeout, "smart-union.gateway.openapi.fetch-timeout must be set");
        Assert.notNull(cacheTimeToLive, "smart-union.gateway.openapi.cache-time-to-live must be set");
    }

    /**
     * @param uri the service's base URI
     * @param documentPath where it serves its OpenAPI document
     * @param pathPrefix the paths the gateway routes to it
     */
    public record Service(URI uri, @DefaultValue("/v3/api-docs") String documentPath, String pathPrefix) {

        public Service {
            Assert.notNull(uri, "an OpenAPI service needs its uri");
            Assert.isTrue(pathPrefix != null && pathPrefix.startsWith("/") && pathPrefix.endsWith("/"),
                    "an OpenAPI service's path-prefix starts and ends with /");
        }
    }
}
