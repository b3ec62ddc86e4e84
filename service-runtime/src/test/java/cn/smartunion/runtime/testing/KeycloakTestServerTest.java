package cn.smartunion.runtime.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.smartunion.runtime.scope.OrgJwtAuthenticationConverter;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixture against the real server: tokens from the fixed issuer that the services' own security reads as they
 * will in production, and no process left behind when the JVM that started the server exits.
 */
class KeycloakTestServerTest {

    static final String REALM = "fixture-test";
    static final Path REALM_FILE = Path.of("src/test/resources/keycloak/fixture-test-realm.json");

    static KeycloakTestServer keycloak;

    @BeforeAll
    static void server() {
        keycloak = KeycloakTestServer.shared();
        keycloak.importRealm(REALM_FILE);
    }

    @Test
    void aUsersTokenComesFromTheFixedIssuerAndTheServicesReadItsOrgPathAndRoles() {
        var token = keycloak.passwordGrant(REALM, "test-web", "county.staff", "fixture-pass");

        JsonNode claims = token.claims();
        assertThat(claims.path("iss").asString()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/" + REALM);
        assertThat(claims.path("org_path").asString()).isEqualTo("420000/420300/420322");

        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keycloak.jwkSetUrl(REALM)).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(keycloak.issuer(REALM)),
                new JwtClaimValidator<List<String>>("aud", aud -> aud != null && aud.contains("smart-union-api"))));
        OrgPrincipal principal = (OrgPrincipal) new OrgJwtAuthenticationConverter()
                .convert(decoder.decode(token.accessToken())).getPrincipal();
        assertThat(principal.orgPath()).isEqualTo("420000/420300/420322");
        assertThat(principal.roles()).contains("union-staff");
        assertThat(principal.username()).isEqualTo("county.staff");
    }

    @Test
    void aPartnersClientCredentialsTokenCarriesOnlyItsScopedRoleAndNoOrgPath() {
        JsonNode claims = keycloak.clientCredentials(REALM, "test-partner", "test-partner-secret").claims();

        assertThat(claims.has("org_path")).isFalse();
        assertThat(claims.path("realm_access").path("roles").toString()).contains("partner-portal")
                .doesNotContain("default-roles");
        assertThat(keycloak.clientCredentials(REALM, "test-partner", "wrong").status()).isEqualTo(401);
    }

    @Test
    void aWrongPasswordIsRefusedAndImportingARealmAgainChangesNothing() {
        var refused = keycloak.passwordGrant(REALM, "test-web", "county.staff", "not-the-password");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("error").asString()).isEqualTo("invalid_grant");
        assertThatThrownBy(refused::accessToken).isInstanceOf(IllegalStateException.class);

        keycloak.importRealm(REALM_FILE);
        assertThat(keycloak.admin().user(REALM, "county.staff")).isPresent();
    }

    @Test
    void theAdminApiReachesUsersAndTheirRoles() {
        JsonNode user = keycloak.admin().user(REALM, "county.staff").orElseThrow();
        assertThat(keycloak.admin().realmRoles(REALM, user.path("id").asString())).contains("union-staff");
        assertThat(user.path("attributes").path("org_path").get(0).asString()).isEqualTo("420000/420300/420322");
    }

    @Test
    void whenTheJvmThatStartedTheServerExitsTheServerAndItsProcessesAreGone() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-D" + KeycloakTestServer.HOME_PROPERTY + "=" + System.getProperty(KeycloakTestServer.HOME_PROPERTY),
                "-cp", System.getProperty("java.class.path"), Child.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        int port = -1;
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (line.startsWith("KEYCLOAK ")) {
                    String[] fields = line.split(" ");
                    port = Integer.parseInt(fields[1]);
                    Arrays.stream(fields).skip(2).map(Long::parseLong).forEach(pids::add);
                }
            }
        }
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the child JVM exits").isTrue();
        assertThat(child.exitValue()).as(output.toString()).isZero();

        assertThat(pids).as(output.toString()).hasSizeGreaterThanOrEqualTo(2);
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid " + pid).isFalse();
        }
        int stoppedPort = port;
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), stoppedPort).close())
                .as("nothing listens on the server's port").isInstanceOf(IOException.class);
    }

    /** Starts the shared server, prints its port and pids, and returns: the JVM then exits normally. */
    public static final class Child {

        public static void main(String[] args) {
            KeycloakTestServer server = KeycloakTestServer.shared();
            StringBuilder line = new StringBuilder("KEYCLOAK " + server.port());
            server.processes().forEach(p -> line.append(' ').append(p.pid()));
            System.out.println(line);
            System.out.flush();
        }
    }
}
