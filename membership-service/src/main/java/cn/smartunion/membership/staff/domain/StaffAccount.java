package cn.smartunion.membership.staff.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A union staff member's login, provisioned in the identity provider by a union administrator for an organisation in
 * the administrator's subtree. This is the local record of it: who, where in the tree, which roles, in which state.
 * It never holds a password, and no personal data beyond the login name.
 */
public final class StaffAccount {

    /** Keycloak's rule for usernames, narrowed: lower case (Keycloak lowercases them anyway), 3 to 64 characters. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final String id;
    private final String username;
    private final String orgId;
    private final String orgPath;
    private final String createdBy;
    private final String createdByUsername;
    private final Instant createdAt;
    private final Long version;
    private String identityId;
    private Set<String> roles;
    private Set<String> requestedRoles;
    private StaffAccountStatus status;
    private Instant changedAt;

    private StaffAccount(String id, String username, String orgId, String orgPath, String identityId,
                         Set<String> roles, Set<String> requestedRoles, StaffAccountStatus status, String createdBy,
                         String createdByUsername, Instant createdAt, Instant changedAt, Long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.username = username;
        this.orgId = Objects.requireNonNull(orgId, "orgId");
        this.orgPath = Objects.requireNonNull(orgPath, "orgPath");
        this.identityId = identityId;
        this.roles = Set.copyOf(roles);
        this.requestedRoles = requestedRoles == null ? null : Set.copyOf(requestedRoles);
        this.status = Objects.requireNonNull(status, "status");
        this.createdBy = createdBy;
        this.createdByUsername = createdByUsername;
        this.createdAt = createdAt;
        this.changedAt = changedAt;
        this.version = version;
    }

    /** Records the intent to create an account; the identity provider account follows ({@link #activate}). */
    public static StaffAccount request(String id, String username, String orgId, String orgPath, Set<String> roles,
                                       String createdBy, String createdByUsername, Instant now) {
        if (roles == null || roles.isEmpty()) {
            throw new StaffAccountRuleViolation("roles", "at least one role is required");
        }
        return new StaffAccount(id, normaliseUsername(username), orgId, orgPath, null, roles, null,
                StaffAccountStatus.PENDING, createdBy, createdByUsername, now, now, null);
    }

    public static StaffAccount restore(String id, String username, String orgId, String orgPath, String identityId,
                                       Set<String> roles, Set<String> requestedRoles, StaffAccountStatus status,
                                       String createdBy, String createdByUsername, Instant createdAt,
                                       Instant changedAt, Long version) {
        return new StaffAccount(id, username, orgId, orgPath, identityId, roles, requestedRoles, status, createdBy,
                createdByUsername, createdAt, changedAt, version);
    }

    /** Usernames are compared and stored in lower case, as the identity provider stores them. */
    public static String normaliseUsername(String username) {
        String normalised = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(normalised).matches()) {
            throw new StaffAccountRuleViolation("username",
                    "must be 3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return normalised;
    }

    /** The identity provider account exists with the requested roles. */
    public void activate(String identityId, Instant now) {
        requireStatus(StaffAccountStatus.PENDING);
        this.identityId = Objects.requireNonNull(identityId, "identityId");
        this.status = StaffAccountStatus.ACTIVE;
        this.changedAt = now;
    }

    /** Creating the identity provider account failed part way: what may exist of it is to be removed. */
    public void fail(Instant now) {
        requireStatus(StaffAccountStatus.PENDING);
        this.status = StaffAccountStatus.FAILED;
        this.changedAt = now;
    }

    /** True when a retried creation asks for exactly this account. */
    public boolean sameRequest(String orgId, Set<String> roles) {
        return this.orgId.equals(orgId) && this.roles.equals(Set.copyOf(roles));
    }

    /** Records new roles to be set in the identity provider ({@link #rolesApplied} confirms). */
    public void requestRoles(Set<String> newRoles, Instant now) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new StaffAccountRuleViolation("roles", "at least one role is required");
        }
        if (status != StaffAccountStatus.ACTIVE && status != StaffAccountStatus.UPDATING_ROLES) {
            throw new StaffAccountStateConflict("the roles of a " + describe(status) + " account cannot be changed");
        }
        this.requestedRoles = Set.copyOf(newRoles);
        this.status = StaffAccountStatus.UPDATING_ROLES;
        this.changedAt = now;
    }

    public void rolesApplied(Instant now) {
        requireStatus(StaffAccountStatus.UPDATING_ROLES);
        this.roles = requestedRoles;
        this.requestedRoles = null;
        this.status = StaffAccountStatus.ACTIVE;
        this.changedAt = now;
    }

    /** Records that the account is to be disabled in the identity provider ({@link #disabled} confirms). */
    public void requestDisable(Instant now) {
        if (status == StaffAccountStatus.PENDING || status == StaffAccountStatus.FAILED) {
            throw new StaffAccountStateConflict("the account is still being created; try again shortly");
        }
        if (status == StaffAccountStatus.DISABLED) {
            return;
        }
        // a role change that was under way is dropped: a disabled account keeps the roles it had
        this.requestedRoles = null;
        this.status = StaffAccountStatus.DISABLING;
        this.changedAt = now;
    }

    public void disabled(Instant now) {
        requireStatus(StaffAccountStatus.DISABLING);
        this.status = StaffAccountStatus.DISABLED;
        this.changedAt = now;
    }

    private void requireStatus(StaffAccountStatus expected) {
        if (status != expected) {
            throw new StaffAccountStateConflict("the account is " + describe(status) + ", not " + describe(expected));
        }
    }

    private static String describe(StaffAccountStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public String id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String orgId() {
        return orgId;
    }

    public String orgPath() {
        return orgPath;
    }

    /** The identity provider's id of the account (Keycloak user id); null until created. */
    public String identityId() {
        return identityId;
    }

    public Set<String> roles() {
        return roles;
    }

    /** The roles being set while {@link StaffAccountStatus#UPDATING_ROLES}; null otherwise. */
    public Set<String> requestedRoles() {
        return requestedRoles;
    }

    public StaffAccountStatus status() {
        return status;
    }

    /** The administrator's subject (identity provider user id). */
    public String createdBy() {
        return createdBy;
    }

    public String createdByUsername() {
        return createdByUsername;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the status last changed; the reconciler's grace period runs from here. */
    public Instant changedAt() {
        return changedAt;
    }

    /** The stored version, for optimistic locking; null before the first save. */
    public Long version() {
        return version;
    }
}
