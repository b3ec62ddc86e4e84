package cn.smartunion.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Which browser origins (the mobile web client, the staff console) may call the API cross-origin.
 *
 * @param allowedOrigins exact origins ({@code https://m.example.cn}) or patterns ({@code https://*.example.cn});
 *        empty: no cross-origin calls at all
 * @param allowCredentials whether the browser may send cookies and authorization with cross-origin calls
 * @param allowedMethods methods a cross-origin call may use
 * @param allowedHeaders request headers a cross-origin call may send
 * @param exposedHeaders response headers the calling script may read
 * @param maxAge how long a browser may cache a preflight answer
 */
@ConfigurationProperties("smart-union.gateway.cors")
public record CorsProperties(List<String> allowedOrigins, boolean allowCredentials, List<String> allowedMethods,
        List<String> allowedHeaders, List<String> exposedHeaders, Duration maxAge) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        Assert.isTrue(!allowedOrigins.contains(CorsConfiguration.ALL),
                "smart-union.gateway.cors.allowed-origins must name origins: '*' would let any web site call the API with a user's credentials");
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
        Assert.notNull(maxAge, "smart-union.gateway.cors.max-age must be set");
    }

    CorsConfiguration toConfiguration() {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOriginPatterns(allowedOrigins);
        configuration.setAllowCredentials(allowCredentials);
        configuration.setAllowedMethods(allowedMethods);
        configuration.setAllowedHeaders(allowedHeaders);
        configuration.setExposedHeaders(exposedHeaders);
        configuration.setMaxAge(maxAge);
        return configuration;
    }
}
