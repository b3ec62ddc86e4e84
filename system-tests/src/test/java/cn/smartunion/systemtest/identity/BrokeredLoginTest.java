package cn.smartunion.systemtest.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.smartunion.runtime.testing.KeycloakTestServer;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single sign-on through the provincial identity platform (政务服务统一身份认证), played by the gov-idp realm: a browser
 * opens the union realm's login with {@code kc_idp_hint=gov-sso}, logs in on gov-idp's page and comes back through the
 * union realm's broker endpoint with a code for a union token. The union realm stays the authority for org and role:
 * a gov user whose email is a union account's lands in that account, one without lands in a new member account.
 */
class BrokeredLoginTest {

    private static final String REALM = Suite.REALM;
    private static final String GOV_REALM = "gov-idp";
    private static final String CLIENT = "staff-web";
    /** Within staff-web's redirect URIs ({@code http://localhost:8080/*}); nothing needs to serve it. */
    private static final String REDIRECT_URI = "http://localhost:8080/brokered-login-test";

    private static KeycloakTestServer keycloak;

    @BeforeAll
    static void realms() {
        keycloak = KeycloakTestServer.shared();
        Suite.importLocalRealms(keycloak);
    }

    @Test
    void aGovUserWithTheEmailOfAUnionAccountLandsInThatAccountWithItsOrgAndRoles() {
        JsonNode countyAdmin = keycloak.admin().user(REALM, "county.admin").orElseThrow();

        JsonNode claims = loginThroughGov(new Browser(), "zhang.wei", Suite.DEMO_PASSWORD).claims();

        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer(REALM));
        assertThat(claims.path("azp").asString()).isEqualTo(CLIENT);
        assertThat(strings(claims.path("aud"))).contains(Suite.AUDIENCE);
        assertThat(claims.path("sub").asString()).isEqualTo(countyAdmin.path("id").asString());
        assertThat(claims.path("preferred_username").asString()).isEqualTo("county.admin");
        assertThat(claims.path("org_path").asString()).isEqualTo("420000/420300/420322");
        assertThat(strings(claims.path("realm_access").path("roles")))
                .contains("union-admin", "union-staff", "aid-officer", "rights-agent", "competition-organiser")
                .doesNotContain("member");

        // linked, not copied: the union account carries the gov identity and keeps its own data
        JsonNode links = keycloak.admin().get(userPath(countyAdmin) + "/federated-identity").json();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).path("identityProvider").asString()).isEqualTo("gov-sso");
        assertThat(links.get(0).path("userName").asString()).isEqualTo("zhang.wei");
        JsonNode afterLogin = keycloak.admin().get(userPath(countyAdmin)).json();
        assertThat(afterLogin.path("attributes").path("org_path").get(0).asString()).isEqualTo("420000/420300/420322");
        assertThat(afterLogin.path("firstName").asString()).isEqualTo(countyAdmin.path("firstName").asString());
        assertThat(keycloak.admin().user(REALM, "gov-sso.zhang.wei")).isEmpty();

        // a later login (another browser, so no session to reuse) goes through the link to the same account
        JsonNode again = loginThroughGov(new Browser(), "zhang.wei", Suite.DEMO_PASSWORD).claims();
        assertThat(again.path("sub").asString()).isEqualTo(countyAdmin.path("id").asString());
        assertThat(again.path("org_path").asString()).isEqualTo("420000/420300/420322");
    }

    @Test
    void aGovUserWithoutUnionAccountLandsInANewMemberAccountWithoutOrg() {
        assertThat(keycloak.admin().user(REALM, "gov-sso.li.na")).isEmpty();

        JsonNode claims = loginThroughGov(new Browser(), "li.na", Suite.DEMO_PASSWORD).claims();

        JsonNode created = keycloak.admin().user(REALM, "gov-sso.li.na").orElseThrow();
        assertThat(claims.path("iss").asString()).isEqualTo(keycloak.issuer(REALM));
        assertThat(claims.path("sub").asString()).isEqualTo(created.path("id").asString());
        assertThat(claims.path("preferred_username").asString()).isEqualTo("gov-sso.li.na");
        assertThat(claims.path("email").asString()).isEqualTo("li.na@example.test");
        assertThat(claims.path("email_verified").asBoolean()).as("the gov platform's email is trusted").isTrue();
        assertThat(claims.has("org_path")).as("no union org until the union gives one").isFalse();
        assertThat(strings(claims.path("realm_access").path("roles"))).contains("member")
                .doesNotContain("union-admin", "union-staff", "aid-officer", "aid-approver", "rights-agent", "mediator",
                        "competition-organiser", "judge", "analyst", "partner-portal");
        assertThat(keycloak.admin().realmRoles(REALM, created.path("id").asString()))
                .containsExactlyInAnyOrder("default-roles-smart-union", "member");

        JsonNode again = loginThroughGov(new Browser(), "li.na", Suite.DEMO_PASSWORD).claims();
        assertThat(again.path("sub").asString()).isEqualTo(created.path("id").asString());
    }

    @Test
    void aWrongGovPasswordGetsNoCode() {
        Browser browser = new Browser();
        Browser.Page govLogin = browser.open(authorizationUrl(pkceChallenge(pkceVerifier()), UUID.randomUUID().toString()),
                REDIRECT_URI);

        Browser.Page answer = browser.submit(govLogin.loginFormAction().orElseThrow(),
                Map.of("username", "zhang.wei", "password", "not-the-password", "credentialId", ""), REDIRECT_URI);

        assertThat(answer.isRedirect()).as("%s", browser.trail()).isFalse();
        assertThat(answer.uri().toString()).startsWith(keycloak.issuer(GOV_REALM) + "/");
        assertThat(answer.loginFormAction()).as("the gov login form again").isPresent();
        assertThat(answer.body()).contains("Invalid username or password.");
        assertThat(browser.trail()).noneMatch(request -> request.contains(REDIRECT_URI + "?"));
    }

    // ------------------------------------------------------------------------------------------------ helpers --

    /**
     * The browser flow of the staff web console (authorization code with PKCE) sent to the gov platform by
     * {@code kc_idp_hint}, then the code exchanged for the union realm's tokens.
     */
    private static KeycloakTestServer.TokenResponse loginThroughGov(Browser browser, String username, String password) {
        String verifier = pkceVerifier();
        String state = UUID.randomUUID().toString();

        Browser.Page govLogin = browser.open(authorizationUrl(pkceChallenge(verifier), state), REDIRECT_URI);
        assertThat(govLogin.uri().toString()).as("%s", browser.trail()).startsWith(keycloak.issuer(GOV_REALM) + "/");
        String action = govLogin.loginFormAction().orElseThrow(() -> new AssertionError("no login form: " + govLogin));

        Browser.Page back = browser.submit(action, Map.of("username", username, "password", password,
                "credentialId", ""), REDIRECT_URI);
        assertThat(back.isRedirect()).as("back at the client: %s\n%s", back, browser.trail()).isTrue();
        assertThat(back.location()).startsWith(REDIRECT_URI + "?");
        assertThat(back.redirectParameter("state")).contains(state);
        assertThat(back.redirectParameter("iss")).contains(keycloak.issuer(REALM));
        String code = back.redirectParameter("code").orElseThrow(() -> new AssertionError("no code: " + back));
        assertThat(browser.trail()).anyMatch(request -> request.contains("/realms/" + REALM + "/broker/gov-sso/endpoint"));

        KeycloakTestServer.TokenResponse tokens = keycloak.tokenRequest(REALM, Map.of("grant_type", "authorization_code",
                "client_id", CLIENT, "code", code, "redirect_uri", REDIRECT_URI, "code_verifier", verifier));
        assertThat(tokens.status()).as("%s", tokens).isEqualTo(200);
        return tokens;
    }

    private static String authorizationUrl(String codeChallenge, String state) {
        Map<String, String> query = Map.of("client_id", CLIENT, "redirect_uri", REDIRECT_URI, "response_type", "code",
                "scope", "openid", "state", state, "nonce", UUID.randomUUID().toString(),
                "code_challenge", codeChallenge, "code_challenge_method", "S256", "kc_idp_hint", "gov-sso");
        List<String> pairs = new ArrayList<>();
        query.forEach((name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return keycloak.issuer(REALM) + "/protocol/openid-connect/auth?" + String.join("&", pairs);
    }

    private static String pkceVerifier() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String pkceChallenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String userPath(JsonNode user) {
        return "/admin/realms/" + REALM + "/users/" + user.path("id").asString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        }
        else if (!node.isMissingNode()) {
            values.add(node.asString());
        }
        return values;
    }
}
