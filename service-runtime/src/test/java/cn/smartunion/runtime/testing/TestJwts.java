package cn.smartunion.runtime.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.smartunion.runtime.scope.OrgJwtAuthenticationConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * MockMvc callers shaped like Keycloak tokens, authenticated through the real {@link OrgJwtAuthenticationConverter}
 * (spring-security-test's {@code jwt()} would bypass it and give controllers a {@code Jwt} principal instead of an
 * {@code OrgPrincipal}):
 * <pre>{@code
 * mockMvc.perform(get("/api/aid/v1/cases/42").with(TestJwts.orgUser("420000/420300", "aid-approver")))
 * }</pre>
 * The auto-configured chain needs a {@code JwtDecoder} bean even though these callers bypass it: set
 * {@code spring.security.oauth2.resourceserver.jwt.jwk-set-uri} to any URL (it is only fetched for a real bearer
 * token). For tests through a real HTTP port with signed tokens, use {@link TestJwtIssuer}.
 */
public final class TestJwts {

    private static final OrgJwtAuthenticationConverter CONVERTER = new OrgJwtAuthenticationConverter();

    private TestJwts() {
    }

    /** A staff member or member of the union at {@code orgPath} with the given realm roles. */
    public static RequestPostProcessor orgUser(String orgPath, String... roles) {
        return authenticated(orgUserJwt(orgPath, roles));
    }

    /** A user with a known Keycloak subject (e.g. a worker whose account is linked to their member record). */
    public static RequestPostProcessor user(String subject, String orgPath, String... roles) {
        return authenticated(base(subject)
            .claim("preferred_username", "user-" + subject.substring(0, Math.min(8, subject.length())))
            .claim("org_path", orgPath)
            .claim("realm_access", Map.of("roles", List.of(roles)))
            .build());
    }

    /** A partner system's client-credentials token: no org path, the given scopes. */
    public static RequestPostProcessor partnerClient(String clientId, String... scopes) {
        return authenticated(partnerClientJwt(clientId, scopes));
    }

    /** Any token, converted as the services convert it. */
    public static RequestPostProcessor authenticated(Jwt jwt) {
        return authentication(CONVERTER.convert(jwt));
    }

    /** The claims Keycloak puts in a user's access token, with a fresh random subject. */
    public static Jwt orgUserJwt(String orgPath, String... roles) {
        String subject = UUID.randomUUID().toString();
        return base(subject)
            .claim("preferred_username", "user-" + subject.substring(0, 8))
            .claim("org_path", orgPath)
            .claim("realm_access", Map.of("roles", List.of(roles)))
            .build();
    }

    /** The claims Keycloak puts in a client-credentials access token. */
    public static Jwt partnerClientJwt(String clientId, String... scopes) {
        return base(UUID.randomUUID().toString())
            .claim("azp", clientId)
            .claim("preferred_username", "service-account-" + clientId)
            .claim("scope", String.join(" ", scopes))
            .build();
    }

    private static Jwt.Builder base(String subject) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("test-token")
            .header("alg", "RS256")
            .subject(subject)
            .issuer("http://keycloak.test/realms/smartunion")
            .audience(List.of("smartunion-api"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(300));
    }
}
