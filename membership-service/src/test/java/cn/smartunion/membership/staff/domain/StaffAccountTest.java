package cn.smartunion.membership.staff.domain;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StaffAccountTest {

    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final Instant LATER = NOW.plusSeconds(5);

    private StaffAccount requested() {
        return StaffAccount.request("a1", " Zhang.San ", "yunxi", "420000/420300/420322", Set.of("aid-officer"),
                "admin-subject", "city.admin", NOW);
    }

    private StaffAccount active() {
        StaffAccount account = requested();
        account.activate("kc-1", LATER);
        return account;
    }

    @Test
    void aRequestedAccountIsPendingWithALowerCaseUsernameUntilTheIdentityProviderHasIt() {
        StaffAccount account = requested();

        assertThat(account.status()).isEqualTo(StaffAccountStatus.PENDING);
        assertThat(account.username()).isEqualTo("zhang.san");
        assertThat(account.identityId()).isNull();

        account.activate("kc-1", LATER);

        assertThat(account.status()).isEqualTo(StaffAccountStatus.ACTIVE);
        assertThat(account.identityId()).isEqualTo("kc-1");
        assertThat(account.changedAt()).isEqualTo(LATER);
        assertThat(account.createdAt()).isEqualTo(NOW);
    }

    @Test
    void usernamesKeycloakWouldMangleOrRejectAreRefused() {
        for (String bad : new String[] {"ab", "-abc", "zhang san", "张三", "a".repeat(65), "", "a/b"}) {
            assertThatThrownBy(() -> StaffAccount.normaliseUsername(bad)).as(bad)
                    .isInstanceOf(StaffAccountRuleViolation.class)
                    .satisfies(e -> assertThat(((StaffAccountRuleViolation) e).field()).isEqualTo("username"));
        }
    }

    @Test
    void aRetryIsTheSameRequestOnlyForTheSameOrganisationAndRoles() {
        StaffAccount account = active();

        assertThat(account.sameRequest("yunxi", Set.of("aid-officer"))).isTrue();
        assertThat(account.sameRequest("zhushan", Set.of("aid-officer"))).isFalse();
        assertThat(account.sameRequest("yunxi", Set.of("aid-officer", "union-staff"))).isFalse();
    }

    @Test
    void aRoleChangeIsRecordedThenConfirmed() {
        StaffAccount account = active();

        account.requestRoles(Set.of("rights-agent"), LATER);

        assertThat(account.status()).isEqualTo(StaffAccountStatus.UPDATING_ROLES);
        assertThat(account.roles()).containsExactly("aid-officer");
        assertThat(account.requestedRoles()).containsExactly("rights-agent");

        account.rolesApplied(LATER);

        assertThat(account.status()).isEqualTo(StaffAccountStatus.ACTIVE);
        assertThat(account.roles()).containsExactly("rights-agent");
        assertThat(account.requestedRoles()).isNull();
    }

    @Test
    void disablingDropsAnUnfinishedRoleChangeAndADisabledAccountKeepsItsRoles() {
        StaffAccount account = active();
        account.requestRoles(Set.of("rights-agent"), LATER);

        account.requestDisable(LATER);
        account.disabled(LATER);

        assertThat(account.status()).isEqualTo(StaffAccountStatus.DISABLED);
        assertThat(account.roles()).containsExactly("aid-officer");
        assertThatThrownBy(() -> account.requestRoles(Set.of("union-staff"), LATER))
                .isInstanceOf(StaffAccountStateConflict.class);
    }

    @Test
    void anAccountStillBeingCreatedCanBeNeitherDisabledNorReRoled() {
        StaffAccount account = requested();

        assertThatThrownBy(() -> account.requestDisable(LATER)).isInstanceOf(StaffAccountStateConflict.class);
        assertThatThrownBy(() -> account.requestRoles(Set.of("union-staff"), LATER))
                .isInstanceOf(StaffAccountStateConflict.class);
    }

    @Test
    void aFailedCreationIsMarkedForRollBackAndCannotBeActivatedAnyMore() {
        StaffAccount account = requested();

        account.fail(LATER);

        assertThat(account.status()).isEqualTo(StaffAccountStatus.FAILED);
        assertThat(account.status().inFlight()).isTrue();
        assertThatThrownBy(() -> account.activate("kc-1", LATER)).isInstanceOf(StaffAccountStateConflict.class);
    }
}
