package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakAdminPropertiesTest {

    private static KeycloakAdminProperties properties(String url, String realm, String secret) {
        return new KeycloakAdminProperties(url, realm, "membership-service", secret, Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Test
    void theAdminUrlAndRealmFollowFromTheIssuerUnlessGiven() {
        var derived = properties(null, null, "s").target("http://localhost:8180/realms/smart-union/").orElseThrow();
        assertThat(derived.baseUrl()).isEqualTo("http://localhost:8180");
        assertThat(derived.realm()).isEqualTo("smart-union");

        var behindAPath = properties("", "", "s").target("https://sso.example.test/auth/realms/hubei").orElseThrow();
        assertThat(behindAPath.baseUrl()).isEqualTo("https://sso.example.test/auth");

        var internal = properties("http://keycloak:8080/", null, "s").target("https://sso.example.test/realms/hubei")
                .orElseThrow();
        assertThat(internal.baseUrl()).isEqualTo("http://keycloak:8080");
        assertThat(internal.realm()).isEqualTo("hubei");
    }

    @Test
    void withoutAnIssuerOrAnExplicitTargetThereIsNone() {
        assertThat(properties(null, null, "s").target(null)).isEmpty();
        assertThat(properties("http://keycloak:8080", null, "s").target("not-an-issuer")).isEmpty();
    }

    @Test
    void theSecretIsNeverPrinted() {
        assertThat(properties(null, null, "very-secret").toString()).doesNotContain("very-secret").contains("(set)");
        assertThat(properties(null, null, " ").hasSecret()).isFalse();
    }
}
