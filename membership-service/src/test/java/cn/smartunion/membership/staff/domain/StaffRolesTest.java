package cn.smartunion.membership.staff.domain;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffRolesTest {

    private final StaffRoles staffRoles = new StaffRoles(Set.of("union-admin", "union-staff", "aid-officer"));

    @Test
    void onlyAllowListedRolesMayBeRequestedAndAtLeastOne() {
        assertThat(staffRoles.check(Set.of("aid-officer", "union-staff"))).containsExactlyInAnyOrder("aid-officer",
                "union-staff");
        assertThatThrownBy(() -> staffRoles.check(Set.of("aid-officer", "realm-admin")))
                .isInstanceOf(StaffAccountRuleViolation.class).hasMessageContaining("realm-admin");
        assertThatThrownBy(() -> staffRoles.check(Set.of())).isInstanceOf(StaffAccountRuleViolation.class);
    }

    @Test
    void anAdministratorGrantsOnlyRolesTheyHold() {
        StaffRoles.requireHeld(Set.of("union-admin", "aid-officer"), Set.of("aid-officer"));

        assertThatThrownBy(() -> StaffRoles.requireHeld(Set.of("union-admin", "aid-officer"),
                Set.of("aid-officer", "union-staff")))
                .isInstanceOf(RoleNotHeld.class)
                .satisfies(e -> assertThat(((RoleNotHeld) e).roles()).containsExactly("union-staff"));
    }

    @Test
    void identityProviderAdministrationMemberAndPartnerRolesCanNeverBeMadeAssignable() {
        for (String role : new String[] {"member", "partner-portal", "realm-admin", "manage-users", "view-users",
                "query-users", "default-roles-smart-union", "offline_access", "admin"}) {
            assertThatThrownBy(() -> new StaffRoles(Set.of("union-staff", role))).as(role)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new StaffRoles(Set.of("review-officer")).assignable()).containsExactly("review-officer");
    }
}
