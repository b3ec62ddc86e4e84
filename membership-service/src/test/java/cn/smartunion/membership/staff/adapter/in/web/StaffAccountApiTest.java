package cn.smartunion.membership.staff.adapter.in.web;

import java.util.List;

import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Delegated administration of staff accounts, end to end with real Keycloak tokens and the real admin API. */
class StaffAccountApiTest extends AgainstKeycloak {

    @Autowired MongoTemplate mongo;
    @Autowired cn.smartunion.membership.org.application.OrgDissolution dissolution;

    @Test
    void aCityAdminCreatesACountyStaffAccountThatLogsInWithItsOrgPathAndRoles() throws Exception {
        String username = uniqueUsername("yx.aid");
        String body = create("city.admin", username, yunxi.id(), "aid-officer", "union-staff")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith(StaffAccountController.PATH + "/")))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.orgId").value(yunxi.id()))
                .andExpect(jsonPath("$.orgPath").value(YUNXI))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.contains("aid-officer", "union-staff")))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.createdByUsername").value("city.admin"))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(body, "$.id");
        String keycloakUserId = JsonPath.read(body, "$.keycloakUserId");
        String temporaryPassword = JsonPath.read(body, "$.temporaryPassword");
        assertThat(temporaryPassword).hasSizeGreaterThanOrEqualTo(16);

        // in Keycloak: enabled, org_path, the record's id, a password to change at first login, the roles
        JsonNode user = keycloak.admin().user(REALM, username).orElseThrow();
        assertThat(user.path("id").asString()).isEqualTo(keycloakUserId);
        assertThat(user.path("enabled").asBoolean()).isTrue();
        assertThat(user.path("attributes").path("org_path").get(0).asString()).isEqualTo(YUNXI);
        assertThat(user.path("attributes").path("staff_account_id").get(0).asString()).isEqualTo(id);
        assertThat(user.path("requiredActions").toString()).contains("UPDATE_PASSWORD");
        assertThat(keycloak.admin().realmRoles(REALM, keycloakUserId)).contains("aid-officer", "union-staff")
                .doesNotContain("union-admin");
        // the temporary password works, but only to set a new one
        var firstLogin = keycloak.passwordGrant(REALM, "staff-web", username, temporaryPassword);
        assertThat(firstLogin.status()).isEqualTo(400);
        assertThat(firstLogin.body().toString()).contains("not fully set up");

        keycloak.admin().setPermanentPassword(REALM, keycloakUserId, "a-new-password-1");
        JsonNode claims = keycloak.passwordGrant(REALM, "staff-web", username, "a-new-password-1").claims();
        assertThat(claims.path("org_path").asString()).isEqualTo(YUNXI);
        assertThat(claims.path("realm_access").path("roles").toString()).contains("aid-officer", "union-staff")
                .doesNotContain("union-admin");
        assertThat(claims.path("aud").toString()).contains("smart-union-api");

        // locally: the record, never a password
        Document stored = mongo.findById(id, Document.class, "staff_accounts");
        assertThat(stored).isNotNull();
        assertThat(stored.keySet()).containsExactlyInAnyOrder("_id", "username", "keycloakUserId", "orgId", "orgPath",
                "roles", "status", "createdBy", "createdByUsername", "createdAt", "changedAt", "version", "_class");
        assertThat(stored.toJson()).doesNotContain(temporaryPassword);
        mvc.perform(get(StaffAccountController.PATH + "/" + id).header("Authorization", bearer("city.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist())
                .andExpect(jsonPath("$.status").value("ACTIVE"));
    }

    @Test
    void aCountyAdminCannotCreateAnAccountInTheSiblingCountyAndNothingIsCreated() throws Exception {
        String username = uniqueUsername("zs.staff");
        create("county.admin", username, zhushan.id(), "union-staff")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(keycloak.admin().user(REALM, username)).isEmpty();
        assertThat(mongo.getCollection("staff_accounts").countDocuments(new Document("username", username))).isZero();
        // nor above itself, nor in another city
        create("county.admin", uniqueUsername("sy.staff"), shiyan.id(), "union-staff").andExpect(status().isNotFound());
        create("city.admin", uniqueUsername("sz.staff"), suizhou.id(), "union-staff").andExpect(status().isNotFound());
    }

    @Test
    void aRoleTheAdminDoesNotHoldIsForbiddenAndNonStaffRolesAreInvalid() throws Exception {
        String username = uniqueUsername("yx.approver");
        create("county.admin", username, yunxi.id(), "union-staff", "aid-approver")
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("aid-approver")));
        assertThat(keycloak.admin().user(REALM, username)).isEmpty();

        for (String role : List.of("member", "partner-portal", "realm-admin", "manage-users")) {
            create("county.admin", username, yunxi.id(), role)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.violations[0].field").value("roles"));
        }
        assertThat(keycloak.admin().user(REALM, username)).isEmpty();
    }

    @Test
    void aStaffMemberWithoutTheAdminRoleMayNotCreateAccounts() throws Exception {
        String username = uniqueUsername("yx.helper");
        String created = create("county.admin", username, yunxi.id(), "union-staff")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String userId = JsonPath.read(created, "$.keycloakUserId");
        keycloak.admin().setPermanentPassword(REALM, userId, "helper-password-1");
        String helperToken = keycloak.passwordGrant(REALM, "staff-web", username, "helper-password-1").accessToken();

        mvc.perform(post(StaffAccountController.PATH).header("Authorization", "Bearer " + helperToken)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(createBody(uniqueUsername("yx.other"), yunxi.id(), "union-staff")))
                .andExpect(status().isForbidden());
        mvc.perform(get(StaffAccountController.PATH).header("Authorization", "Bearer " + helperToken))
                .andExpect(status().isForbidden());
    }

    @Test
    void aRetriedCreationGivesTheSameAccountWithoutThePasswordAndADifferentOneIsAConflict() throws Exception {
        String username = uniqueUsername("yx.retry");
        String first = create("city.admin", username, yunxi.id(), "rights-agent")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();

        create("city.admin", username.toUpperCase(), yunxi.id(), "rights-agent")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value((String) JsonPath.read(first, "$.id")))
                .andExpect(jsonPath("$.keycloakUserId").value((String) JsonPath.read(first, "$.keycloakUserId")))
                .andExpect(jsonPath("$.temporaryPassword").doesNotExist());
        // the county admin in the same subtree retrying the same request gets the same account too
        create("county.admin", username, yunxi.id(), "rights-agent").andExpect(status().isOk());

        create("city.admin", username, yunxi.id(), "rights-agent", "union-staff").andExpect(status().isConflict());
        create("city.admin", username, zhushan.id(), "rights-agent").andExpect(status().isConflict());
        // from another subtree the existing account is not shown, only that the name is taken
        create("county2.admin", username, zhushan.id(), "rights-agent")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.id").doesNotExist());
        assertThat(mongo.getCollection("staff_accounts").countDocuments(new Document("username", username))).isOne();
    }

    @Test
    void aUsernameKeycloakAlreadyHasIsAConflictAndThatAccountIsLeftAlone() throws Exception {
        JsonNode before = keycloak.admin().user(REALM, "county2.admin").orElseThrow();

        create("city.admin", "county2.admin", yunxi.id(), "union-staff")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        JsonNode after = keycloak.admin().user(REALM, "county2.admin").orElseThrow();
        assertThat(after.path("id")).isEqualTo(before.path("id"));
        assertThat(after.path("attributes").path("org_path").get(0).asString()).isEqualTo(ZHUSHAN);
        assertThat(mongo.getCollection("staff_accounts").countDocuments(new Document("username", "county2.admin")))
                .isZero();
    }

    @Test
    void listsAreScopedToTheCallersSubtreeAndPaginated() throws Exception {
        String inYunxi = uniqueUsername("list.yx");
        String inZhushan = uniqueUsername("list.zs");
        create("county.admin", inYunxi, yunxi.id(), "union-staff").andExpect(status().isCreated());
        create("county2.admin", inZhushan, zhushan.id(), "union-staff").andExpect(status().isCreated());

        assertThat(usernamesListedFor("city.admin")).contains(inYunxi, inZhushan);
        assertThat(usernamesListedFor("county.admin")).contains(inYunxi).doesNotContain(inZhushan);
        assertThat(usernamesListedFor("county2.admin")).contains(inZhushan).doesNotContain(inYunxi);
        assertThat(usernamesListedFor("suizhou.admin")).doesNotContain(inYunxi, inZhushan);

        String id = idOf(inZhushan);
        mvc.perform(get(StaffAccountController.PATH + "/" + id).header("Authorization", bearer("county.admin")))
                .andExpect(status().isNotFound());
        mvc.perform(get(StaffAccountController.PATH + "?size=1").header("Authorization", bearer("city.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.totalItems").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)));
        mvc.perform(get(StaffAccountController.PATH + "?size=100000").header("Authorization", bearer("city.admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void disablingAnAccountDisablesItInKeycloakAndItCanNoLongerLogIn() throws Exception {
        String username = uniqueUsername("yx.leaver");
        String created = create("county.admin", username, yunxi.id(), "union-staff")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String userId = JsonPath.read(created, "$.keycloakUserId");
        keycloak.admin().setPermanentPassword(REALM, userId, "leaver-password-1");

        mvc.perform(post(StaffAccountController.PATH + "/" + id + "/disable").header("Authorization", bearer("county2.admin")))
                .andExpect(status().isNotFound());
        mvc.perform(post(StaffAccountController.PATH + "/" + id + "/disable").header("Authorization", bearer("city.admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DISABLED"));
        mvc.perform(post(StaffAccountController.PATH + "/" + id + "/disable").header("Authorization", bearer("city.admin")))
                .andExpect(status().isOk());

        JsonNode user = keycloak.admin().user(REALM, username).orElseThrow();
        assertThat(user.path("enabled").asBoolean()).isFalse();
        assertThat(user.path("attributes").path("org_path").get(0).asString()).as("nothing else changed").isEqualTo(YUNXI);
        assertThat(keycloak.passwordGrant(REALM, "staff-web", username, "leaver-password-1").status()).isEqualTo(400);
        mvc.perform(put(StaffAccountController.PATH + "/" + id + "/roles").header("Authorization", bearer("city.admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"aid-officer\"]}"))
                .andExpect(status().isConflict());
    }

    @Test
    void rolesChangeInKeycloakUnderTheSameDelegationRules() throws Exception {
        String username = uniqueUsername("yx.mover");
        String created = create("city.admin", username, yunxi.id(), "aid-officer", "union-staff")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        String userId = JsonPath.read(created, "$.keycloakUserId");

        changeRoles("county.admin", id, "rights-agent", "competition-organiser")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.contains("competition-organiser", "rights-agent")));
        Set<String> roles = keycloak.admin().realmRoles(REALM, userId);
        assertThat(roles).contains("rights-agent", "competition-organiser").doesNotContain("aid-officer", "union-staff");
        assertThat(roles).as("roles outside the staff allow-list are left as they are").contains("default-roles-smart-union");

        changeRoles("county.admin", id, "aid-approver").andExpect(status().isForbidden());
        changeRoles("county.admin", id, "member").andExpect(status().isBadRequest());
        changeRoles("county2.admin", id, "union-staff").andExpect(status().isNotFound());
        assertThat(keycloak.admin().realmRoles(REALM, userId)).doesNotContain("aid-approver", "member");
    }

    @Test
    void anAdminCannotTakeOverAnAccountWithMoreRolesThanTheyHold() throws Exception {
        // prov.admin holds analyst, which the county admin does not
        String created = create("prov.admin", uniqueUsername("yx.analyst"), yunxi.id(), "analyst")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");

        mvc.perform(post(StaffAccountController.PATH + "/" + id + "/disable").header("Authorization", bearer("county.admin")))
                .andExpect(status().isForbidden());
        changeRoles("county.admin", id, "union-staff").andExpect(status().isForbidden());
    }

    @Test
    void withAnIdempotencyKeyARetryReplaysTheCreationButNeverTheStoredPassword() throws Exception {
        String username = uniqueUsername("yx.keyed");
        String key = java.util.UUID.randomUUID().toString();
        var request = post(StaffAccountController.PATH).header("Authorization", bearer("city.admin"))
                .header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
                .content(createBody(username, yunxi.id(), "union-staff"));

        String first = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        String temporaryPassword = JsonPath.read(first, "$.temporaryPassword");
        var retry = mvc.perform(request).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().exists("Location"))
                .andReturn().getResponse();

        assertThat(retry.getContentAsString()).doesNotContain(temporaryPassword).isEmpty();
        for (Document stored : mongo.getCollection("idempotency_keys").find()) {
            assertThat(stored.toJson()).doesNotContain(temporaryPassword);
        }
    }

    @Test
    void aDissolvedOrganisationGetsNoNewStaffAccounts() throws Exception {
        String code = "G" + java.util.UUID.randomUUID().toString().substring(0, 8);
        var unit = registration.registerChildIfAbsent(yunxi.path(), code, "已注销的工会",
                cn.smartunion.membership.org.domain.OrgType.GRASSROOTS_UNION);
        dissolution.dissolve(new cn.smartunion.membership.org.application.DissolveOrg(unit.id(), "ENTERPRISE_CLOSED",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))),
                new cn.smartunion.runtime.scope.OrgPrincipal("test-admin", "test.admin", YUNXI, Set.of("union-admin")), null);
        String username = uniqueUsername("dissolved");

        create("county.admin", username, unit.id(), "union-staff").andExpect(status().isConflict());
        assertThat(keycloak.admin().user(REALM, username)).isEmpty();
    }

    @Test
    void badInputIsAProblemNeverAServerError() throws Exception {
        for (String body : List.of("{", "[]", "",
                "{\"username\": \"x y\", \"email\": \"a@b.test\", \"firstName\": \"a\", \"lastName\": \"b\", \"orgId\": \"%s\", \"roles\": [\"union-staff\"]}",
                "{\"username\": \"abc\", \"email\": \"not-an-email\", \"firstName\": \"a\", \"lastName\": \"b\", \"orgId\": \"%s\", \"roles\": [\"union-staff\"]}",
                "{\"username\": \"abc\", \"email\": \"a@b.test\", \"firstName\": \"a\", \"lastName\": \"b\", \"orgId\": \"%s\", \"roles\": []}",
                "{\"username\": \"abc\", \"email\": \"a@b.test\", \"firstName\": \"a\", \"lastName\": \"b\", \"orgId\": \"%s\", \"roles\": [\"union-staff\"], \"password\": \"x\"}")) {
            mvc.perform(post(StaffAccountController.PATH).header("Authorization", bearer("city.admin"))
                            .contentType(MediaType.APPLICATION_JSON).content(body.formatted(yunxi.id())))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get(StaffAccountController.PATH)).andExpect(status().isUnauthorized());
    }

    private ResultActions changeRoles(String caller, String id, String... roles) throws Exception {
        return mvc.perform(put(StaffAccountController.PATH + "/" + id + "/roles").header("Authorization", bearer(caller))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\": [" + String.join(", ", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList()) + "]}"));
    }

    private List<String> usernamesListedFor(String caller) throws Exception {
        String page = mvc.perform(get(StaffAccountController.PATH + "?size=200").header("Authorization", bearer(caller)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items[*].username");
    }

    private String idOf(String username) {
        return mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("username").is(username)),
                Document.class, "staff_accounts").getString("_id");
    }

    private static String bearer(String username) {
        return "Bearer " + tokenOf(username);
    }

}
