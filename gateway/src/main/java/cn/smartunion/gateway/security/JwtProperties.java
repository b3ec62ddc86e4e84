package cn.smartunion.gateway.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * How access tokens are checked at the edge.
 *
 * @param issuerUri the only accepted {@code iss}
 * @param jwkSetUri where the issuer publishes its signing keys
 * @param audiences a token must name at least one of these in {@code aud}
 * @param jwsAlgorithm the only accepted signature algorithm
 * @param clockSkew tolerance on {@code exp} and {@code nbf}
 * @param jwksTimeToLive age after which fetched keys are refreshed in the background; they stay in use meanwhile
 * @param jwksMinRefreshInterval least time between two fetches (background refreshes and fetches for an unknown key id)
 * @param jwksFetchTimeout how long one fetch may take
 */
@ConfigurationProperties("smart-union.gateway.jwt")
public record JwtProperties(URI issuerUri, URI jwkSetUri, List<String> audiences, String jwsAlgorithm,
        Duration clockSkew, Duration jwksTimeToLive, Duration jwksMinRefreshInterval, Duration jwksFetchTimeout) {

    public JwtProperties {
        Assert.notNull(issuerUri, "smart-union.gateway.jwt.issuer-uri must be set");
        Assert.notNull(jwkSetUri, "smart-union.gateway.jwt.jwk-set-uri must be set");
        Assert.notEmpty(audiences, "smart-union.gateway.jwt.audiences must name at least one audience");
        Assert.hasText(jwsAlgorithm, "smart-union.gateway.jwt.jws-algorithm must be set");
        Assert.notNull(clockSkew, "smart-union.gateway.jwt.clock-skew must be set");
        Assert.notNull(jwksTimeToLive, "smart-union.gateway.jwt.jwks-time-to-live must be set");
        Assert.notNull(jwksMinRefreshInterval, "smart-union.gateway.jwt.jwks-min-refresh-interval must be set");
        Assert.notNull(jwksFetchTimeout, "smart-union.gateway.jwt.jwks-fetch-timeout must be set");
        audiences = List.copyOf(audiences);
    }
}
