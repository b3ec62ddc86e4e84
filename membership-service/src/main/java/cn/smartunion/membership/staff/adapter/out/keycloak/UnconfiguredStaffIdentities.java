package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.util.Set;

import cn.smartunion.membership.staff.application.IdentityProviderUnavailable;
import cn.smartunion.membership.staff.application.NewStaffIdentity;
import cn.smartunion.membership.staff.application.StaffIdentities;

/** No Keycloak admin client configured: the service runs, staff account changes answer 503 (no Retry-After). */
class UnconfiguredStaffIdentities implements StaffIdentities {

    @Override
    public boolean configured() {
        return false;
    }

    @Override
    public void requireAvailable() {
        throw notConfigured();
    }

    @Override
    public String create(NewStaffIdentity identity) {
        throw notConfigured();
    }

    @Override
    public void setRoles(String identityId, Set<String> roles, Set<String> managed) {
        throw notConfigured();
    }

    @Override
    public void disable(String identityId) {
        throw notConfigured();
    }

    @Override
    public void removeIfCreatedFor(String username, String staffAccountId) {
        throw notConfigured();
    }

    private static IdentityProviderUnavailable notConfigured() {
        return new IdentityProviderUnavailable("staff account administration is not configured on this installation",
                null, null);
    }
}
