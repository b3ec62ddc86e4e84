package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.Credential;
import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.Role;
import cn.smartunion.membership.staff.adapter.out.keycloak.KeycloakRepresentations.User;
import cn.smartunion.membership.staff.application.IdentityProviderUnavailable;
import cn.smartunion.membership.staff.application.IdentityRejected;
import cn.smartunion.membership.staff.application.IdentityTaken;
import cn.smartunion.membership.staff.application.NewStaffIdentity;
import cn.smartunion.membership.staff.application.StaffIdentities;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Staff accounts in Keycloak through its admin REST API, as the service account of a confidential client.
 *
 * <p>Every call goes through one circuit breaker (Keycloak down: fail fast, 503 with Retry-After, instead of every
 * request waiting for its timeout); reads are also retried, a write never is (a create that timed out may have
 * happened: the reconciler sorts that out by the record id stored on the account). Timeouts are the HTTP client's
 * connect and read timeouts, which really abandon the connection, rather than a time limiter around a blocking call.
 * Only failures of Keycloak count against the circuit (I/O, timeouts, 5xx, 429, our credentials refused); its
 * answers about the data (400, 404, 409) do not.
 */
class KeycloakStaffIdentities implements StaffIdentities {

    static final String ORG_PATH = "org_path";
    static final String STAFF_ACCOUNT_ID = "staff_account_id";
    static final String UPDATE_PASSWORD = "UPDATE_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(KeycloakStaffIdentities.class);

    private final KeycloakAdminApi api;
    private final ServiceAccountTokens tokens;
    private final String realm;
    private final CircuitBreaker circuitBreaker;
    private final Retry readRetry;
    private final Duration retryAfter;

    KeycloakStaffIdentities(KeycloakAdminApi api, ServiceAccountTokens tokens, String realm,
                            CircuitBreaker circuitBreaker, Retry readRetry, Duration retryAfter) {
        this.api = api;
        this.tokens = tokens;
        this.realm = realm;
        this.circuitBreaker = circuitBreaker;
        this.readRetry = readRetry;
        this.retryAfter = retryAfter;
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public void requireAvailable() {
        if (circuitBreaker.getState() == CircuitBreaker.State.OPEN
                || circuitBreaker.getState() == CircuitBreaker.State.FORCED_OPEN) {
            throw unavailable(null);
        }
    }

    @Override
    public String create(NewStaffIdentity identity) {
        User user = new User(null, identity.username(), identity.email(), identity.firstName(), identity.lastName(),
                true, false,
                Map.of(ORG_PATH, List.of(identity.orgPath()), STAFF_ACCOUNT_ID, List.of(identity.staffAccountId())),
                List.of(UPDATE_PASSWORD), List.of(new Credential("password", identity.temporaryPassword(), true)));
        ResponseEntity<Void> created = write(() -> api.createUser(realm, user));
        String location = created.getHeaders().getLocation() == null ? null
                : created.getHeaders().getLocation().getPath();
        if (location == null || !location.contains("/users/")) {
            throw new IllegalStateException("Keycloak created a user without telling its location");
        }
        String id = location.substring(location.lastIndexOf('/') + 1);
        try {
            addRoles(id, identity.roles());
        }
        catch (RuntimeException rolesFailed) {
            try {
                write(() -> {
                    api.deleteUser(realm, id);
                    return null;
                });
            }
            catch (RuntimeException deleteFailed) {
                rolesFailed.addSuppressed(deleteFailed); // the reconciler removes it by its staff_account_id
            }
            throw rolesFailed;
        }
        return id;
    }

    @Override
    public void setRoles(String identityId, Set<String> roles, Set<String> managed) {
        List<Role> current = read(() -> api.userRealmRoles(realm, identityId));
        Set<String> toAdd = new HashSet<>(roles);
        current.forEach(role -> toAdd.remove(role.name()));
        List<Role> remove = current.stream()
                .filter(role -> managed.contains(role.name()) && !roles.contains(role.name()))
                .map(role -> new Role(role.id(), role.name()))
                .toList();
        if (!toAdd.isEmpty()) {
            addRoles(identityId, toAdd);
        }
        if (!remove.isEmpty()) {
            write(() -> {
                api.removeUserRealmRoles(realm, identityId, remove);
                return null;
            });
        }
    }

    @Override
    public void disable(String identityId) {
        ObjectNode user;
        try {
            user = read(() -> api.getUser(realm, identityId));
        }
        catch (HttpClientErrorException.NotFound gone) {
            log.warn("Keycloak user {} to disable does not exist", identityId);
            return;
        }
        if (!user.path("enabled").asBoolean(true)) {
            return;
        }
        user.put("enabled", false);
        write(() -> {
            api.updateUser(realm, identityId, user);
            return null;
        });
    }

    @Override
    public void removeIfCreatedFor(String username, String staffAccountId) {
        for (User user : read(() -> api.findUsers(realm, username, true))) {
            List<String> createdFor = user.attributes() == null ? null : user.attributes().get(STAFF_ACCOUNT_ID);
            if (!username.equals(user.username()) || createdFor == null || !createdFor.contains(staffAccountId)) {
                continue; // not ours: an account of that name made some other way
            }
            try {
                write(() -> {
                    api.deleteUser(realm, user.id());
                    return null;
                });
            }
            catch (HttpClientErrorException.NotFound alreadyGone) {
                // removed meanwhile
            }
        }
    }

    private void addRoles(String identityId, Set<String> names) {
        List<Role> roles = availableRolesNamed(identityId, names);
        write(() -> {
            api.addUserRealmRoles(realm, identityId, roles);
            return null;
        });
    }

    /** The ids of roles not yet mapped to the user (a role already mapped is not in the list, and not needed). */
    private List<Role> availableRolesNamed(String identityId, Set<String> names) {
        List<Role> available = read(() -> api.availableUserRealmRoles(realm, identityId));
        List<Role> found = new ArrayList<>();
        for (Role role : available) {
            if (names.contains(role.name())) {
                found.add(new Role(role.id(), role.name()));
            }
        }
        if (found.size() != names.size()) {
            throw new IdentityRejected("roles", "the realm does not define every requested role");
        }
        return found;
    }

    // ----------------------------------------------------------------------------------------------- calls --

    private <T> T read(Supplier<T> call) {
        return call(Retry.decorateSupplier(readRetry, CircuitBreaker.decorateSupplier(circuitBreaker, authorised(call))));
    }

    private <T> T write(Supplier<T> call) {
        return call(CircuitBreaker.decorateSupplier(circuitBreaker, authorised(call)));
    }

    private <T> T call(Supplier<T> decorated) {
        try {
            return decorated.get();
        }
        catch (CallNotPermittedException open) {
            throw unavailable(open);
        }
        catch (KeycloakUnavailable failed) {
            throw unavailable(failed);
        }
    }

    /** Translates Keycloak's answers; a refused token is replaced once, as it may have been revoked or rotated. */
    private <T> Supplier<T> authorised(Supplier<T> call) {
        return () -> {
            try {
                return translated(call, true);
            }
            catch (TokenRefused refused) {
                tokens.forget();
                return translated(call, false);
            }
        };
    }

    private <T> T translated(Supplier<T> call, boolean firstTry) {
        try {
            return call.get();
        }
        catch (ResourceAccessException io) {
            throw new KeycloakUnavailable("Keycloak did not answer in time or could not be reached", io);
        }
        catch (RestClientResponseException answer) {
            throw translate(answer, firstTry);
        }
        catch (RestClientException other) {
            throw new KeycloakUnavailable("Keycloak's answer could not be read", other);
        }
    }

    private RuntimeException translate(RestClientResponseException answer, boolean firstTry) {
        int status = answer.getStatusCode().value();
        if (status == 401 && firstTry && !ServiceAccountTokens.isTokenRequest(answer)) {
            return new TokenRefused(answer);
        }
        if (status == 401 || status == 403) {
            log.error("Keycloak refused membership-service's service account ({}): check the client secret and that "
                    + "its service account holds realm-management's manage-users and view-users roles", status);
            return new KeycloakUnavailable("Keycloak refused the service account", answer);
        }
        if (status == 409) {
            return new IdentityTaken();
        }
        if (status == 400) {
            KeycloakRepresentations.Error error = errorOf(answer);
            String field = error != null && error.field() != null ? error.field() : "account";
            String reason = error != null && error.errorMessage() != null ? error.errorMessage()
                    : "rejected by the identity provider";
            return new IdentityRejected(field, reason);
        }
        if (status == 404 && answer instanceof HttpClientErrorException.NotFound notFound) {
            return notFound;
        }
        if (status == 429 || status >= 500) {
            return new KeycloakUnavailable("Keycloak answered " + status, answer);
        }
        return new KeycloakUnavailable("Keycloak answered " + status + " unexpectedly", answer);
    }

    private static KeycloakRepresentations.Error errorOf(RestClientResponseException answer) {
        try {
            return answer.getResponseBodyAs(KeycloakRepresentations.Error.class);
        }
        catch (RuntimeException unreadable) {
            return null;
        }
    }

    private IdentityProviderUnavailable unavailable(Throwable cause) {
        return new IdentityProviderUnavailable("the identity provider (Keycloak) is unavailable", retryAfter, cause);
    }

    /** A failure of Keycloak itself (not an answer about the data): counted by the circuit breaker, retried on reads. */
    static final class KeycloakUnavailable extends RuntimeException {
        KeycloakUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class TokenRefused extends RuntimeException {
        TokenRefused(Throwable cause) {
            super("Keycloak refused the service account's token", cause);
        }
    }
}
