package cn.smartunion.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.smartunion.localrun.RealmJson.elements;
import static cn.smartunion.localrun.RealmJson.only;
import static cn.smartunion.localrun.RealmJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local realm file is configuration the services' security depends on (issuer, audience, org_path, roles);
 * this test fails when someone breaks it, without starting Keycloak.
 */
class SmartUnionRealmTest {

    static final Path REALM_FILE = Path.of("keycloak", "smart-union-realm.json");
    static final String AUDIENCE = "smart-union-api";
    static final Set<String> FUNCTIONAL_ADMIN_ROLES =
            Set.of("union-admin", "union-staff", "aid-officer", "rights-agent", "competition-organiser");

    static final JsonMapper json = JsonMapper.builder().build();
    static JsonNode realm;

    @BeforeAll
    static void readRealm() {
        realm = json.readTree(REALM_FILE.toFile());
    }

    @Test
    void realmSettingsForLocalUse() {
        assertThat(realm.path("realm").asString()).isEqualTo("smart-union");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        assertThat(realm.path("sslRequired").asString()).isEqualTo("none");
        assertThat(realm.path("accessTokenLifespan").asInt()).isEqualTo(900);
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
    }

    @Test
    void realmRolesExistWithDescriptions() {
        Map<String, String> roles = realmRoles();
        assertThat(roles).containsKeys("member", "union-staff", "union-admin", "aid-officer", "aid-approver",
                "rights-agent", "mediator", "competition-organiser", "judge", "analyst", "partner-portal");
        assertThat(roles.values()).allSatisfy(description -> assertThat(description).isNotBlank());
    }

    @Test
    void exactlyTheFourClients() {
        assertThat(elements(realm.path("clients")).stream().map(c -> c.path("clientId").asString()))
                .containsExactlyInAnyOrder("mobile-app", "staff-web", "portal", "membership-service");
    }

    @Test
    void mobileAppIsPublicAuthorizationCodeWithPkceOnly() {
        JsonNode client = client("mobile-app");
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertRedirectUrisAreSpecific(client);
    }

    @Test
    void staffWebIsPublicWithPkceAndPasswordGrantMarkedAsLocalDemo() {
        JsonNode client = client("staff-web");
        assertThat(client.path("publicClient").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isTrue();
        assertThat(client.path("description").asString()).contains("LOCAL DEMO");
        assertRedirectUrisAreSpecific(client);
    }

    @Test
    void portalIsConfidentialClientCredentialsOnlyAndNarrow() {
        JsonNode client = client("portal");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(client.path("secret").asString()).contains("demo");
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("fullScopeAllowed").asBoolean(true)).as("full scope off: only mapped roles reach the token").isFalse();

        List<String> scopedRoles = elements(realm.path("scopeMappings")).stream()
                .filter(m -> m.path("client").asString().equals("portal"))
                .flatMap(m -> elements(m.path("roles")).stream().map(JsonNode::asString))
                .toList();
        assertThat(scopedRoles).containsExactly("partner-portal");

        JsonNode serviceAccount = only(realm.path("users"), u -> u.path("serviceAccountClientId").asString().equals("portal"));
        assertThat(strings(serviceAccount.path("realmRoles"))).containsExactly("partner-portal");
        assertThat(serviceAccount.path("credentials").isMissingNode()).isTrue();
    }

    @Test
    void membershipServiceAdministersUsersOnlyThroughItsServiceAccount() {
        JsonNode client = client("membership-service");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(client.path("secret").asString()).contains("demo").contains("local-only");
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("fullScopeAllowed").asBoolean(true)).isFalse();
        assertThat(elements(client.path("protocolMappers"))).as("its tokens are not for the suite's APIs").isEmpty();

        // view-users includes query-users; no view-realm: role ids come from the user's available role mappings
        Set<String> userAdministration = Set.of("manage-users", "view-users");
        JsonNode serviceAccount = only(realm.path("users"),
                u -> u.path("serviceAccountClientId").asString().equals("membership-service"));
        assertThat(strings(serviceAccount.path("realmRoles"))).isEmpty();
        assertThat(serviceAccount.path("clientRoles").propertyNames()).containsExactly("realm-management");
        assertThat(strings(serviceAccount.path("clientRoles").path("realm-management")))
                .containsExactlyInAnyOrderElementsOf(userAdministration);
        JsonNode scope = only(realm.path("clientScopeMappings").path("realm-management"),
                m -> m.path("client").asString().equals("membership-service"));
        assertThat(strings(scope.path("roles"))).containsExactlyInAnyOrderElementsOf(userAdministration);
    }

    @Test
    void descriptionsFitKeycloaksDatabaseColumns() {
        // a client description over 255 characters fails the realm import with "Database operation failed"
        for (JsonNode client : elements(realm.path("clients"))) {
            assertThat(client.path("description").asString().length()).as(client.path("clientId").asString())
                    .isLessThanOrEqualTo(255);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mobile-app", "staff-web", "portal"})
    void everyClientPutsTheApiAudienceAndOrgPathIntoAccessTokens(String clientId) {
        List<JsonNode> mappers = elements(client(clientId).path("protocolMappers"));

        JsonNode audience = only(mappers, m -> m.path("protocolMapper").asString().equals("oidc-audience-mapper"));
        assertThat(audience.path("config").path("included.custom.audience").asString()).isEqualTo(AUDIENCE);
        assertThat(audience.path("config").path("access.token.claim").asString()).isEqualTo("true");

        JsonNode orgPath = only(mappers, m -> m.path("protocolMapper").asString().equals("oidc-usermodel-attribute-mapper")
                && m.path("config").path("user.attribute").asString().equals("org_path"));
        assertThat(orgPath.path("config").path("claim.name").asString()).isEqualTo("org_path");
        assertThat(orgPath.path("config").path("jsonType.label").asString()).isEqualTo("String");
        assertThat(orgPath.path("config").path("access.token.claim").asString()).isEqualTo("true");
    }

    @Test
    void userProfileDeclaresTheStaffAccountRecordIdForAdminsOnly() {
        JsonNode staffAccountId = userProfileAttribute("staff_account_id");
        assertThat(strings(staffAccountId.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(strings(staffAccountId.path("permissions").path("view"))).containsExactly("admin");
    }

    @Test
    void orgPathsMayHoldEveryCodeTheOrgTreeAllows() {
        Pattern orgPathPattern = Pattern.compile(
                userProfileAttribute("org_path").path("validations").path("pattern").path("pattern").asString());
        assertThat(orgPathPattern.matcher("420000/420300/SY-RIDERS").matches()).isTrue();
        assertThat(orgPathPattern.matcher("420000/../x").matches()).isFalse();
    }

    @Test
    void userProfileDeclaresOrgPathEditableByAdminsOnly() {
        JsonNode orgPath = userProfileAttribute("org_path");
        assertThat(strings(orgPath.path("permissions").path("edit"))).containsExactly("admin");
        assertThat(strings(orgPath.path("permissions").path("view"))).contains("admin");
        assertThat(orgPath.path("multivalued").asBoolean()).isFalse();
        for (String builtIn : List.of("username", "email", "firstName", "lastName")) {
            assertThat(userProfileAttribute(builtIn).isMissingNode()).as(builtIn).isFalse();
        }
    }

    @Test
    void demoUsersSitOnTheUnionTreeWithTheirRoles() {
        assertUser("prov.admin", "420000", Set.of("union-admin", "union-staff", "analyst"));
        assertUser("city.admin", "420000/420300", FUNCTIONAL_ADMIN_ROLES);
        assertUser("county.admin", "420000/420300/420322", FUNCTIONAL_ADMIN_ROLES);
        assertUser("county2.admin", "420000/420300/420323", FUNCTIONAL_ADMIN_ROLES);
        assertUser("suizhou.admin", "420000/421300", FUNCTIONAL_ADMIN_ROLES);
        assertUser("member.demo", "420000/420300/420322/Y0001", Set.of("member"));
        // maker-checker in aid: yunxi.aid files and may approve others' records, the approvers only decide
        assertUser("yunxi.aid", "420000/420300/420322", Set.of("union-staff", "aid-officer", "aid-approver"));
        assertUser("yunxi.approver", "420000/420300/420322", Set.of("union-staff", "aid-approver"));
        assertUser("shiyan.approver", "420000/420300", Set.of("union-staff", "aid-approver"));
        // the provincial 12351 centre receives every call and dispatches work orders down the tree
        assertUser("prov.12351", "420000", Set.of("union-staff", "rights-agent"));
        // a worker who registers for competitions, and judges: members (so their grassroots union and employer are
        // known for conflicts of interest) with the judge role
        assertUser("worker.demo", "420000/420300/420322/Y0002", Set.of("member"));
        for (String judge : List.of("judge.one", "judge.two", "judge.three", "judge.four")) {
            assertUser(judge, "420000/420300", Set.of("member", "judge"));
        }
        // the provincial office that runs every service's work (the generated-province statistics test drives it),
        // and a county analyst who reads the county's statistics and nothing beside it
        assertUser("prov.office", "420000", Set.of("union-admin", "union-staff", "aid-officer", "rights-agent",
                "competition-organiser"));
        assertUser("yunxi.analyst", "420000/420300/420322", Set.of("analyst"));
        assertThat(strings(user("prov.admin").path("realmRoles"))).doesNotContain("member");
        assertThat(strings(user("member.demo").path("realmRoles"))).doesNotContain("union-staff", "union-admin");
    }

    @Test
    void humanUsersCanUseThePasswordGrant() {
        List<JsonNode> humans = elements(realm.path("users")).stream()
                .filter(u -> u.path("serviceAccountClientId").isMissingNode())
                .toList();
        assertThat(humans).hasSize(17);
        Set<String> passwords = new java.util.HashSet<>();
        for (JsonNode user : humans) {
            String name = user.path("username").asString();
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(user.path("emailVerified").asBoolean()).as(name).isTrue();
            assertThat(user.path("email").asString()).as(name).contains("@");
            assertThat(user.path("firstName").asString()).as(name).isNotBlank();
            assertThat(user.path("lastName").asString()).as(name).isNotBlank();
            assertThat(elements(user.path("requiredActions"))).as(name).isEmpty();
            JsonNode password = only(user.path("credentials"), c -> c.path("type").asString().equals("password"));
            assertThat(password.path("temporary").asBoolean()).as(name).isFalse();
            passwords.add(password.path("value").asString());
        }
        assertThat(passwords).as("one demo password for all").hasSize(1);
    }

    @Test
    void everyAssignedRoleIsDefinedAndEveryOrgPathPassesTheProfileValidation() {
        Set<String> defined = realmRoles().keySet();
        Pattern orgPathPattern = Pattern.compile(
                userProfileAttribute("org_path").path("validations").path("pattern").path("pattern").asString());
        for (JsonNode user : elements(realm.path("users"))) {
            String name = user.path("username").asString();
            assertThat(strings(user.path("realmRoles")))
                    .as(name)
                    .allSatisfy(role -> assertThat(defined.contains(role) || role.equals("default-roles-smart-union"))
                            .as(role).isTrue());
            for (String orgPath : strings(user.path("attributes").path("org_path"))) {
                assertThat(orgPathPattern.matcher(orgPath).matches()).as(name + " " + orgPath).isTrue();
            }
            assertThat(user.path("attributes").propertyNames())
                    .as("attributes must be declared in the user profile (Keycloak 26 rejects others)")
                    .allSatisfy(attribute -> assertThat(userProfileAttribute(attribute).isMissingNode()).isFalse());
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers --

    private static void assertUser(String username, String orgPath, Set<String> roles) {
        JsonNode user = user(username);
        assertThat(strings(user.path("attributes").path("org_path"))).as(username).containsExactly(orgPath);
        assertThat(strings(user.path("realmRoles"))).as(username).containsAll(roles);
    }

    private static void assertRedirectUrisAreSpecific(JsonNode client) {
        List<String> uris = strings(client.path("redirectUris"));
        assertThat(uris).isNotEmpty().doesNotContain("*", "/*", "+");
        assertThat(uris).allSatisfy(uri -> assertThat(uri).doesNotStartWith("https://*").doesNotStartWith("http://*"));
    }

    private static Map<String, String> realmRoles() {
        Map<String, String> roles = new java.util.LinkedHashMap<>();
        for (JsonNode role : elements(realm.path("roles").path("realm"))) {
            roles.put(role.path("name").asString(), role.path("description").asString());
        }
        return roles;
    }

    private static JsonNode client(String clientId) {
        return only(realm.path("clients"), c -> c.path("clientId").asString().equals(clientId));
    }

    private static JsonNode user(String username) {
        return only(realm.path("users"), u -> u.path("username").asString().equals(username));
    }

    private static JsonNode userProfileAttribute(String name) {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        JsonNode declarative = only(providers, p -> p.path("providerId").asString().equals("declarative-user-profile"));
        JsonNode profile = json.readTree(declarative.path("config").path("kc.user.profile.config").get(0).asString());
        return elements(profile.path("attributes")).stream()
                .filter(a -> a.path("name").asString().equals(name))
                .findFirst()
                .orElse(tools.jackson.databind.node.MissingNode.getInstance());
    }
}
