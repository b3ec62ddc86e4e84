package cn.smartunion.runtime.scope;

import cn.smartunion.runtime.problem.NotFoundException;
import org.springframework.security.access.AccessDeniedException;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The caller of a request, from its access token. Controllers receive it with
 * {@code @AuthenticationPrincipal OrgPrincipal principal}.
 *
 * <p>A staff member or member carries the materialised path of their union, e.g. {@code 420000/420300/420322}, and
 * sees records owned by that union and everything below it. A partner system's client-credentials token has no
 * {@code org_path}: its principal has a null {@code orgPath}, {@link #covers(String)} nothing, and
 * {@link OrgScope#subtree} matches no record, so partner endpoints must grant access explicitly (by scope).
 *
 * @param subject the token subject (Keycloak user id; for a client without one, the client id)
 * @param username {@code preferred_username}, for display and audit; never an access decision
 * @param orgPath the union's materialised path, segments of {@code [A-Za-z0-9_-]} joined by {@code /}; null for
 *                partner clients
 * @param roles realm roles, without the {@code ROLE_} prefix
 */
public record OrgPrincipal(String subject, String username, String orgPath, Set<String> roles) {

    static final Pattern ORG_PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");

    public OrgPrincipal {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        if (orgPath != null && !ORG_PATH.matcher(orgPath).matches()) {
            throw new IllegalArgumentException("orgPath must be code segments joined by '/'");
        }
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    /**
     * True when a record owned by {@code ownerPath} lies in this principal's subtree: the same union or one below
     * it. {@code 4203} covers {@code 4203/420322} but not {@code 42030/...}.
     */
    public boolean covers(String ownerPath) {
        if (orgPath == null || ownerPath == null) {
            return false;
        }
        return ownerPath.equals(orgPath) || ownerPath.startsWith(orgPath + "/");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** False for partner clients, which act for no union. */
    public boolean hasOrgPath() {
        return orgPath != null;
    }

    /** Fails with 403 unless this principal acts for a union (has an org path) and holds one of {@code roles}. */
    public void requireAnyRole(String... roles) {
        if (hasOrgPath()) {
            for (String role : roles) {
                if (hasRole(role)) {
                    return;
                }
            }
        }
        throw new AccessDeniedException("this needs one of the roles " + String.join(", ", roles));
    }

    /**
     * Fails with 404 naming {@code what} unless a record owned by {@code ownerPath} lies in this principal's subtree:
     * a record out of scope is answered like a missing one, never revealing that it exists.
     */
    public void requireCovers(String ownerPath, String what) {
        if (!covers(ownerPath)) {
            throw new NotFoundException(what);
        }
    }
}
