package cn.smartunion.runtime.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads a Keycloak access token into an {@link OrgAuthenticationToken}:
 * <ul>
 * <li>{@code org_path} (a string; Keycloak maps the user attribute into it) becomes {@link OrgPrincipal#orgPath()};
 * absent for partner client-credentials tokens, which then cover no org;</li>
 * <li>{@code realm_access.roles} become the roles and the authorities {@code ROLE_<role>};</li>
 * <li>{@code scope} becomes the authorities {@code SCOPE_<scope>}, for partner endpoints;</li>
 * <li>{@code preferred_username} becomes the username; {@code sub} the subject ({@code azp}, the client id, when a
 * client token carries no {@code sub}).</li>
 * </ul>
 * A present but malformed {@code org_path} (not a string, empty, not {@code code/code/...}) rejects the token with 401
 * rather than guessing a scope.
 */
public class OrgJwtAuthenticationConverter implements Converter<Jwt, OrgAuthenticationToken> {

    public static final String ORG_PATH_CLAIM = "org_path";

    @Override
    public OrgAuthenticationToken convert(Jwt jwt) {
        Set<String> roles = realmRoles(jwt);
        String subject = jwt.getSubject() != null ? jwt.getSubject() : jwt.getClaimAsString("azp");
        if (subject == null || subject.isBlank()) {
            throw new InvalidBearerTokenException("The token has neither a sub nor an azp claim");
        }
        String username = jwt.getClaimAsString("preferred_username");
        OrgPrincipal principal = new OrgPrincipal(subject, username != null ? username : subject, orgPath(jwt), roles);
        return new OrgAuthenticationToken(jwt, principal, authorities(roles, jwt));
    }

    private static String orgPath(Jwt jwt) {
        if (!jwt.hasClaim(ORG_PATH_CLAIM)) {
            return null;
        }
        if (jwt.getClaims().get(ORG_PATH_CLAIM) instanceof String path
                && OrgPrincipal.ORG_PATH.matcher(path).matches()) {
            return path;
        }
        throw new InvalidBearerTokenException("The org_path claim is malformed");
    }

    private static Set<String> realmRoles(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>();
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> names) {
            for (Object name : names) {
                if (name instanceof String role && !role.isBlank()) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static List<GrantedAuthority> authorities(Set<String> roles, Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String scopes) {
            for (String name : scopes.trim().split("\\s+")) {
                if (!name.isEmpty()) {
                    authorities.add(new SimpleGrantedAuthority("SCOPE_" + name));
                }
            }
        }
        return authorities;
    }
}
