package cn.smartunion.runtime.scope;

import java.util.Collection;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * An authenticated JWT whose principal is the {@link OrgPrincipal}, so controllers can take
 * {@code @AuthenticationPrincipal OrgPrincipal}; the raw token stays available through {@link #getToken()} (for
 * token relay and audit).
 */
public class OrgAuthenticationToken extends AbstractOAuth2TokenAuthenticationToken<Jwt> {

    public OrgAuthenticationToken(Jwt jwt, OrgPrincipal principal, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, principal, jwt, authorities);
        setAuthenticated(true);
    }

    @Override
    public OrgPrincipal getPrincipal() {
        return (OrgPrincipal) super.getPrincipal();
    }

    @Override
    public Map<String, Object> getTokenAttributes() {
        return getToken().getClaims();
    }

    @Override
    public String getName() {
        return getPrincipal().subject();
    }
}
