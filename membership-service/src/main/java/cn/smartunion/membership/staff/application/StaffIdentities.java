package cn.smartunion.membership.staff.application;

import java.util.Set;

/**
 * The identity provider's side of staff accounts (Keycloak's admin REST API in production). Every method fails with
 * {@link IdentityProviderUnavailable} when the provider cannot be reached or is not configured.
 */
public interface StaffIdentities {

    /** False when no identity provider is configured: every other method then fails as unavailable. */
    boolean configured();

    /**
     * Fails fast with {@link IdentityProviderUnavailable} when the provider is known to be unusable (not configured,
     * circuit open), so that no local record is written for a change that cannot be made now.
     */
    void requireAvailable();

    /**
     * Creates an enabled account that must change its temporary password on first login, with the org path, the
     * local record's id (so a half-created account can be recognised as ours) and the realm roles. Fails with
     * {@link IdentityTaken} when the username or email is in use. Returns the provider's id of the account.
     * When the roles cannot be assigned after the account was created, it tries to remove the account again.
     */
    String create(NewStaffIdentity identity);

    /** Makes the account's realm roles among {@code managed} exactly {@code roles}; other roles stay as they are. */
    void setRoles(String identityId, Set<String> roles, Set<String> managed);

    /** Disables the account (it can no longer log in); an account that does not exist is left so. */
    void disable(String identityId);

    /**
     * Removes the account with this username if it was created for the staff account record {@code staffAccountId};
     * an account of that name created otherwise is left alone. Returns when nothing of ours remains.
     */
    void removeIfCreatedFor(String username, String staffAccountId);
}
