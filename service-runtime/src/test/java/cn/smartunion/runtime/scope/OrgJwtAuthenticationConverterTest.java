package cn.smartunion.runtime.scope;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgJwtAuthenticationConverterTest {

    private final OrgJwtAuthenticationConverter converter = new OrgJwtAuthenticationConverter();

    @Test
    void keycloakUserTokenBecomesAnOrgPrincipalWithRoleAuthorities() {
        Jwt jwt = token().subject("5b7c-user")
            .claim("preferred_username", "zhangsan")
            .claim("org_path", "420000/420300/420322")
            .claim("realm_access", Map.of("roles", List.of("aid-approver", "staff")))
            .claim("scope", "openid profile")
            .build();

        OrgAuthenticationToken authentication = converter.convert(jwt);

        OrgPrincipal principal = authentication.getPrincipal();
        assertThat(principal.subject()).isEqualTo("5b7c-user");
        assertThat(principal.username()).isEqualTo("zhangsan");
        assertThat(principal.orgPath()).isEqualTo("420000/420300/420322");
        assertThat(principal.roles()).containsExactlyInAnyOrder("aid-approver", "staff");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactlyInAnyOrder("ROLE_aid-approver", "ROLE_staff", "SCOPE_openid", "SCOPE_profile");
        assertThat(authentication.getName()).isEqualTo("5b7c-user");
        assertThat(authentication.getToken()).isSameAs(jwt);
        assertThat(authentication.isAuthenticated()).isTrue();
    }

    @Test
    void clientCredentialsTokenWithoutOrgPathCoversNothing() {
        Jwt jwt = token().subject("sa-court").claim("azp", "court-portal").claim("scope", "rights.referrals.read")
            .build();

        OrgAuthenticationToken authentication = converter.convert(jwt);

        assertThat(authentication.getPrincipal().orgPath()).isNull();
        assertThat(authentication.getPrincipal().covers("420000")).isFalse();
        assertThat(authentication.getPrincipal().username()).isEqualTo("sa-court");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
            .containsExactly("SCOPE_rights.referrals.read");
    }

    @Test
    void clientTokenWithoutSubjectIsIdentifiedByItsClientId() {
        Jwt jwt = token().claim("azp", "bank-gateway").build();

        assertThat(converter.convert(jwt).getPrincipal().subject()).isEqualTo("bank-gateway");
    }

    @Test
    void malformedOrgPathRejectsTheToken() {
        for (Object malformed : List.of("", "420000/", ".*", List.of("420000"))) {
            Jwt jwt = token().subject("u").claim("org_path", malformed).build();

            assertThatThrownBy(() -> converter.convert(jwt)).isInstanceOf(InvalidBearerTokenException.class);
        }
    }

    @Test
    void missingRealmRolesGiveNoRoles() {
        Jwt jwt = token().subject("u").claim("org_path", "420000").claim("realm_access", Map.of()).build();

        assertThat(converter.convert(jwt).getPrincipal().roles()).isEmpty();
    }

    private static Jwt.Builder token() {
        return Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    }
}
