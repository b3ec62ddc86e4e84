package cn.smartunion.gateway.security;

import java.time.Clock;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class JwtDecoderConfig {

    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtProperties properties) {
        SignatureAlgorithm algorithm = SignatureAlgorithm.from(properties.jwsAlgorithm());
        Assert.notNull(algorithm, () -> "Unsupported smart-union.gateway.jwt.jws-algorithm " + properties.jwsAlgorithm());
        CachingJwkSetSource keys = new CachingJwkSetSource(WebClient.create(), properties.jwkSetUri(),
                JWSAlgorithm.parse(algorithm.getName()), properties.jwksTimeToLive(), properties.jwksMinRefreshInterval(),
                properties.jwksFetchTimeout(), Clock.systemUTC());
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSource(keys).jwsAlgorithm(algorithm).build();
        nimbus.setJwtValidator(validator(properties));
        return token -> nimbus.decode(token).onErrorMap(JwtDecoderConfig::isKeyOutage,
                // a plain JwtException (not a BadJwtException) becomes an AuthenticationServiceException: 503, not 401
                error -> new JwtException("The issuer's signing keys are unavailable", error));
    }

    static OAuth2TokenValidator<Jwt> validator(JwtProperties properties) {
        List<String> audiences = properties.audiences();
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuerUri().toString()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
    }

    private static boolean isKeyOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof JwksUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
