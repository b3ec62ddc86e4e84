package cn.smartunion.membership.staff.adapter.in.web;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import cn.smartunion.membership.staff.application.NewStaffIdentity;
import cn.smartunion.membership.staff.application.StaffAccountReconciler;
import cn.smartunion.membership.staff.application.StaffIdentities;
import cn.smartunion.membership.staff.domain.StaffAccount;
import cn.smartunion.membership.staff.domain.StaffAccountStatus;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a crash between the local record and Keycloak leaves behind, and how the reconciler finishes it: each case is
 * set up as the crash would have left it (the record as written so far, Keycloak as changed so far), then reconciled.
 */
class StaffAccountReconcilerTest extends AgainstKeycloak {

    @Autowired StaffAccounts accounts;
    @Autowired StaffIdentities identities;
    @Autowired StaffAccountReconciler reconciler;

    @Test
    void aCreationInterruptedAfterKeycloakCreatedTheUserIsRolledBackAndTheRetryCreatesItAfresh() throws Exception {
        String username = uniqueUsername("crash.after");
        StaffAccount pending = accounts.add(pendingRecord(username, Set.of("union-staff")));
        identities.create(new NewStaffIdentity(pending.id(), username, username + "@staff.example.test", "测试", "人员",
                YUNXI, Set.of("union-staff"), "Temporary-pass-1"));
        // the administrator's retry meanwhile is told to wait: the account is still being created
        create("county.admin", username, yunxi.id(), "union-staff").andExpect(status().isConflict());

        assertThat(reconciler.reconcile().rolledBack()).as("within the grace period nothing is touched").isZero();
        StaffAccountReconciler.Result result = reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(result.rolledBack()).isGreaterThanOrEqualTo(1);
        assertThat(keycloak.admin().user(REALM, username)).isEmpty();
        assertThat(accounts.findByUsername(username)).isEmpty();
        create("county.admin", username, yunxi.id(), "union-staff")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.temporaryPassword").exists());
    }

    @Test
    void aCreationInterruptedBeforeKeycloakWasCalledLeavesOnlyTheRecordWhichIsRemoved() {
        String username = uniqueUsername("crash.before");
        accounts.add(pendingRecord(username, Set.of("union-staff")));

        reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(accounts.findByUsername(username)).isEmpty();
        assertThat(keycloak.admin().user(REALM, username)).isEmpty();
    }

    @Test
    void aKeycloakUserOfTheSameNameThatWasNotCreatedForTheRecordIsNeverDeleted() {
        String username = uniqueUsername("not.ours");
        String foreign = """
                {"username": "%s", "enabled": true, "email": "%s@elsewhere.example.test", "firstName": "外部",
                 "lastName": "账号", "attributes": {"org_path": ["%s"]}}""".formatted(username, username, YUNXI);
        assertThat(keycloak.admin().post("/admin/realms/" + REALM + "/users", foreign).status()).isEqualTo(201);
        accounts.add(pendingRecord(username, Set.of("union-staff")));

        reconciler.reconcile(Instant.now().plusSeconds(1));

        assertThat(accounts.findByUsername(username)).isEmpty();
        assertThat(keycloak.admin().user(REALM, username)).as("someone else's account").isPresent();
    }

    @Test
    void anInterruptedRoleChangeAndAnInterruptedDisablingAreCompleted() throws Exception {
        String reRoled = uniqueUsername("crash.roles");
        String disabled = uniqueUsername("crash.disable");
        StaffAccount first = activeAccount(reRoled, "aid-officer");
        StaffAccount second = activeAccount(disabled, "aid-officer");
        // the records were written, then the process died before Keycloak was called
        first.requestRoles(Set.of("rights-agent"), Instant.now());
        accounts.update(first);
        second.requestDisable(Instant.now());
        accounts.update(second);

        reconciler.reconcile(Instant.now().plusSeconds(1));

        StaffAccount reRoledNow = accounts.findByUsername(reRoled).orElseThrow();
        assertThat(reRoledNow.status()).isEqualTo(StaffAccountStatus.ACTIVE);
        assertThat(reRoledNow.roles()).containsExactly("rights-agent");
        assertThat(keycloak.admin().realmRoles(REALM, reRoledNow.identityId())).contains("rights-agent")
                .doesNotContain("aid-officer");
        StaffAccount disabledNow = accounts.findByUsername(disabled).orElseThrow();
        assertThat(disabledNow.status()).isEqualTo(StaffAccountStatus.DISABLED);
        JsonNode user = keycloak.admin().user(REALM, disabled).orElseThrow();
        assertThat(user.path("enabled").asBoolean()).isFalse();
    }

    private StaffAccount activeAccount(String username, String role) throws Exception {
        String body = create("city.admin", username, yunxi.id(), role)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return accounts.findByUsername(JsonPath.read(body, "$.username")).orElseThrow();
    }

    private StaffAccount pendingRecord(String username, Set<String> roles) {
        return StaffAccount.request(UUID.randomUUID().toString(), username, yunxi.id(), YUNXI, roles,
                "test-admin", "test.admin", Instant.now().minusSeconds(1));
    }
}
