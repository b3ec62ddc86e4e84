package cn.smartunion.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * Response headers that tell browsers how to treat what the gateway serves.
 *
 * @param hstsMaxAge {@code Strict-Transport-Security} max-age; the header is sent only on requests that came over
 *        TLS (directly, or through a proxy listed in {@code trusted-proxies} that says so in {@code X-Forwarded-Proto})
 * @param hstsIncludeSubdomains whether HSTS covers the subdomains too
 * @param apiContentSecurityPolicy the policy for everything but the documentation pages: JSON is never a page to render
 * @param documentationContentSecurityPolicy the policy for the Swagger UI pages, which run their own scripts and styles
 * @param documentationPaths path patterns of the Swagger UI pages
 */
@ConfigurationProperties("smart-union.gateway.security-headers")
public record SecurityHeadersProperties(Duration hstsMaxAge, boolean hstsIncludeSubdomains, String apiContentSecurityPolicy,
        String documentationContentSecurityPolicy, List<String> documentationPaths) {

    public SecurityHeadersProperties {
        Assert.notNull(hstsMaxAge, "smart-union.gateway.security-headers.hsts-max-age must be set");
        Assert.hasText(apiContentSecurityPolicy, "smart-union.gateway.security-headers.api-content-security-policy must be set");
        Assert.hasText(documentationContentSecurityPolicy,
                "smart-union.gateway.security-headers.documentation-content-security-policy must be set");
        documentationPaths = List.copyOf(documentationPaths);
    }
}
