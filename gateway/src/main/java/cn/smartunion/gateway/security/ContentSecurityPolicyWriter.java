package cn.smartunion.gateway.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One {@code Content-Security-Policy} for the API (nothing may load or run), a looser one for the Swagger UI pages, and
 * one for the statistics report page, a server-rendered HTML page with inline SVG charts that may load its own
 * stylesheet and nothing else (no script, no inline style, no frame, no form). A policy a service set on its own
 * response is kept.
 */
final class ContentSecurityPolicyWriter implements ServerHttpHeadersWriter {

    static final String HEADER = "Content-Security-Policy";

    /** The statistics report page: its stylesheet from the same origin, nothing else. */
    static final String REPORT_POLICY =
        "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    private static final PathPattern REPORT_PAGE = PathPatternParser.defaultInstance.parse("/api/statistics/v1/report");

    private final String apiPolicy;
    private final String documentationPolicy;
    private final List<PathPattern> documentationPaths;

    ContentSecurityPolicyWriter(SecurityHeadersProperties properties) {
        this.apiPolicy = properties.apiContentSecurityPolicy();
        this.documentationPolicy = properties.documentationContentSecurityPolicy();
        this.documentationPaths = properties.documentationPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (!headers.containsHeader(HEADER)) {
            PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
            boolean documentation = documentationPaths.stream().anyMatch(pattern -> pattern.matches(path));
            headers.set(HEADER, REPORT_PAGE.matches(path) ? REPORT_POLICY : documentation ? documentationPolicy : apiPolicy);
        }
        return Mono.empty();
    }
}
