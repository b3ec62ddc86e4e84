package cn.smartunion.membership.staff.domain;

/**
 * Where a staff account stands, locally and in the identity provider (Keycloak). The local record is written before
 * and after each call to the identity provider; the states in between say what a crash may have left half done.
 */
public enum StaffAccountStatus {

    /** Recorded; the identity provider account is being created. Left alone for a grace period, then rolled back. */
    PENDING,
    /** Creation failed part way; the identity provider account, if any, is removed, then this record. */
    FAILED,
    /** Exists in the identity provider with {@code roles}. */
    ACTIVE,
    /** {@code requestedRoles} are being set in the identity provider; completed (rolled forward) if interrupted. */
    UPDATING_ROLES,
    /** Being disabled in the identity provider; completed (rolled forward) if interrupted. */
    DISABLING,
    /** Disabled in the identity provider: it cannot log in. */
    DISABLED;

    /** True while a change has been recorded but not yet confirmed by the identity provider. */
    public boolean inFlight() {
        return this == PENDING || this == FAILED || this == UPDATING_ROLES || this == DISABLING;
    }
}
