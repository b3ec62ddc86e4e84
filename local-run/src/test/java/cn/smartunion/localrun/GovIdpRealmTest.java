package cn.smartunion.localrun;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.smartunion.localrun.RealmJson.elements;
import static cn.smartunion.localrun.RealmJson.only;
import static cn.smartunion.localrun.RealmJson.strings;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wiring between the union realm and gov-idp, the local stand-in for the provincial unified identity platform
 * (政务服务统一身份认证) that the union realm brokers as {@code gov-sso}: both files must agree on URLs, client and
 * secret, and the first login must link or create without asking and without giving anything but the member role.
 * BrokeredLoginTest in system-tests drives the login itself against the real Keycloak.
 */
class GovIdpRealmTest {

    static final String KEYCLOAK = "http://localhost:8180"; // run-local.sh's --hostname
    static final String ALIAS = "gov-sso";
    static final String BROKER_ENDPOINT = KEYCLOAK + "/realms/smart-union/broker/" + ALIAS + "/endpoint";
    static final String GOV_ISSUER = KEYCLOAK + "/realms/gov-idp";

    static final JsonMapper json = JsonMapper.builder().build();
    static JsonNode union;
    static JsonNode gov;

    @BeforeAll
    static void readRealms() {
        union = json.readTree(Path.of("keycloak", "smart-union-realm.json").toFile());
        gov = json.readTree(Path.of("keycloak", "gov-idp-realm.json").toFile());
    }

    @Test
    void govIdpIsALocalStandInRealm() {
        assertThat(gov.path("realm").asString()).isEqualTo("gov-idp");
        assertThat(gov.path("displayName").asString()).contains("政务服务统一身份认证").contains("local");
        assertThat(gov.path("enabled").asBoolean()).isTrue();
        assertThat(gov.path("sslRequired").asString()).isEqualTo("none");
        assertThat(gov.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(gov.path("bruteForceProtected").asBoolean()).isTrue();
    }

    @Test
    void theBrokerClientIsConfidentialAuthorizationCodeWithPkceBackToTheUnionBrokerEndpointOnly() {
        JsonNode client = only(gov.path("clients"), c -> true);
        assertThat(client.path("clientId").asString()).isEqualTo("smart-union-broker");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isFalse();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(client.path("redirectUris"))).containsExactly(BROKER_ENDPOINT);
        assertThat(client.path("attributes").path("post.logout.redirect.uris").asString())
                .isEqualTo(BROKER_ENDPOINT + "/logout_response");
        assertThat(client.path("secret").asString()).contains("demo").contains("local-only");
        assertThat(client.path("description").asString()).contains("LOCAL DEMO").hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void theUnionRealmBrokersGovIdpOverOidcWithSignedTokensAndTheSameClient() {
        JsonNode provider = identityProvider();
        JsonNode config = provider.path("config");
        JsonNode client = only(gov.path("clients"), c -> true);
        assertThat(provider.path("providerId").asString()).isEqualTo("oidc");
        assertThat(provider.path("enabled").asBoolean()).isTrue();
        assertThat(provider.path("displayName").asString()).isEqualTo("政务服务统一身份认证");
        assertThat(provider.path("trustEmail").asBoolean()).as("the gov platform verifies emails").isTrue();
        assertThat(provider.path("linkOnly").asBoolean()).isFalse();

        assertThat(config.path("issuer").asString()).isEqualTo(GOV_ISSUER);
        Map<String, String> endpoints = Map.of("authorizationUrl", "/auth", "tokenUrl", "/token",
                "userInfoUrl", "/userinfo", "logoutUrl", "/logout", "jwksUrl", "/certs");
        endpoints.forEach((key, path) -> assertThat(config.path(key).asString()).as(key)
                .isEqualTo(GOV_ISSUER + "/protocol/openid-connect" + path));
        assertThat(config.path("validateSignature").asString()).isEqualTo("true");
        assertThat(config.path("useJwksUrl").asString()).isEqualTo("true");
        assertThat(config.path("pkceEnabled").asString()).isEqualTo("true");
        assertThat(config.path("pkceMethod").asString()).isEqualTo("S256");
        assertThat(config.path("defaultScope").asString()).contains("openid").contains("email");

        assertThat(config.path("clientId").asString()).isEqualTo(client.path("clientId").asString());
        assertThat(config.path("clientSecret").asString()).isEqualTo(client.path("secret").asString());
        assertThat(config.path("clientAuthMethod").asString()).isIn("client_secret_post", "client_secret_basic");
    }

    @Test
    void nothingTheGovPlatformSendsOverwritesWhatTheUnionOwns() {
        // IMPORT: the provider's data is taken when an account is created, never written over a linked account
        assertThat(identityProvider().path("config").path("syncMode").asString()).isEqualTo("IMPORT");
        List<JsonNode> mappers = elements(union.path("identityProviderMappers"));
        assertThat(mappers).allSatisfy(mapper -> {
            assertThat(mapper.path("identityProviderAlias").asString()).isEqualTo(ALIAS);
            assertThat(mapper.path("config").path("syncMode").asString()).isEqualTo("IMPORT");
            assertThat(mapper.path("config").path("user.attribute").asString()).isNotEqualTo("org_path");
            assertThat(mapper.path("config").path("attribute").asString()).isNotEqualTo("org_path");
        });
        JsonNode role = only(mappers, m -> m.path("identityProviderMapper").asString().equals("oidc-hardcoded-role-idp-mapper"));
        assertThat(role.path("config").path("role").asString()).isEqualTo("member");
        assertThat(mappers).extracting(m -> m.path("identityProviderMapper").asString())
                .containsExactlyInAnyOrder("oidc-hardcoded-role-idp-mapper", "oidc-username-idp-mapper");
    }

    @Test
    void newAccountsGetUsernamesNoUnionAccountCanHave() {
        // otherwise a gov user named like a union account (county.admin) would be linked to it by username
        JsonNode username = only(union.path("identityProviderMappers"),
                m -> m.path("identityProviderMapper").asString().equals("oidc-username-idp-mapper"));
        assertThat(username.path("config").path("template").asString()).startsWith("${ALIAS}.");
        assertThat(username.path("config").path("target").asString()).isEqualTo("LOCAL");
        assertThat(elements(union.path("users"))).allSatisfy(user ->
                assertThat(user.path("username").asString()).doesNotStartWith(ALIAS + "."));
    }

    @Test
    void theFirstLoginLinksByTrustedEmailOrCreatesWithoutAskingAnything() {
        JsonNode provider = identityProvider();
        assertThat(provider.path("updateProfileFirstLoginMode").asString()).isEqualTo("off");
        String flowAlias = provider.path("firstBrokerLoginFlowAlias").asString();
        JsonNode flow = only(union.path("authenticationFlows"), f -> f.path("alias").asString().equals(flowAlias));
        assertThat(flow.path("topLevel").asBoolean()).isTrue();
        assertThat(flow.path("providerId").asString()).isEqualTo("basic-flow");
        assertThat(flow.path("description").asString()).hasSizeLessThanOrEqualTo(255);

        List<JsonNode> executions = elements(flow.path("authenticationExecutions")).stream()
                .sorted((a, b) -> Integer.compare(a.path("priority").asInt(), b.path("priority").asInt()))
                .toList();
        assertThat(executions).extracting(e -> e.path("authenticator").asString())
                .as("no review-profile page, no link confirmation, no re-authentication")
                .containsExactly("idp-create-user-if-unique", "idp-auto-link");
        assertThat(executions).allSatisfy(e -> assertThat(e.path("requirement").asString()).isEqualTo("ALTERNATIVE"));

        String configAlias = executions.get(0).path("authenticatorConfig").asString();
        JsonNode config = only(union.path("authenticatorConfig"), c -> c.path("alias").asString().equals(configAlias));
        assertThat(config.path("config").path("require.password.update.after.registration").asString()).isEqualTo("false");
    }

    @Test
    void demoUsersOfGovIdpAreOneUnionStaffMemberAndOneWorkerWithoutUnionAccount() {
        JsonNode countyAdmin = only(union.path("users"), u -> u.path("username").asString().equals("county.admin"));
        JsonNode zhangWei = govUser("zhang.wei");
        JsonNode liNa = govUser("li.na");
        assertThat(zhangWei.path("email").asString()).isEqualTo(countyAdmin.path("email").asString());
        assertThat(elements(union.path("users"))).noneMatch(u -> u.path("email").asString()
                .equalsIgnoreCase(liNa.path("email").asString()));

        String unionPassword = password(countyAdmin);
        for (JsonNode user : elements(gov.path("users"))) {
            String name = user.path("username").asString();
            assertThat(user.path("enabled").asBoolean()).as(name).isTrue();
            assertThat(user.path("emailVerified").asBoolean()).as(name).isTrue();
            assertThat(user.path("firstName").asString()).as(name).isNotBlank();
            assertThat(user.path("lastName").asString()).as(name).isNotBlank();
            assertThat(user.path("attributes").isMissingNode()).as(name + ": no org data at the gov platform").isTrue();
            assertThat(password(user)).as(name + ": the one demo password").isEqualTo(unionPassword);
        }
    }

    // ------------------------------------------------------------------------------------------------- helpers --

    private static JsonNode identityProvider() {
        return only(union.path("identityProviders"), p -> p.path("alias").asString().equals(ALIAS));
    }

    private static JsonNode govUser(String username) {
        return only(gov.path("users"), u -> u.path("username").asString().equals(username));
    }

    private static String password(JsonNode user) {
        JsonNode credential = only(user.path("credentials"), c -> c.path("type").asString().equals("password"));
        assertThat(credential.path("temporary").asBoolean()).isFalse();
        return credential.path("value").asString();
    }
}
