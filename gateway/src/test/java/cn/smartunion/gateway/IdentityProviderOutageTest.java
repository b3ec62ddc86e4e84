package cn.smartunion.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.StubService;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Its own context: the identity provider is down from the start, and the JWKS address is set explicitly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a bound for a stuck call on a busy build machine, not a speed requirement
@AutoConfigureWebTestClient(timeout = "30s")
class IdentityProviderOutageTest {

    static final IdentityProviderStub IDENTITY_PROVIDER = IdentityProviderStub.start(TestTokens.SIGNING_KEY);
    static final TestTokens TOKENS = new TestTokens(IDENTITY_PROVIDER.issuer());
    static final StubService MEMBERSHIP = StubService.start("membership");

    static {
        IDENTITY_PROVIDER.fail();
    }

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("MEMBERSHIP_SERVICE_URI", MEMBERSHIP::baseUri);
        env.add("OIDC_ISSUER_URI", () -> "http://keycloak.invalid/realms/smart-union");
        env.add("OIDC_JWKS_URI", () -> IDENTITY_PROVIDER.jwksUri().toString());
        env.add("OIDC_JWKS_MIN_REFRESH_INTERVAL", () -> "200ms");
    }

    @Autowired
    WebTestClient client;

    @Test
    void startsWithoutTheIdentityProviderAnswers503WhileKeysAreUnavailableThenRecovers() {
        assertThat(IDENTITY_PROVIDER.jwksFetches()).as("nothing fetched at startup").isZero();
        String token = TestTokens.signedWith(TestTokens.SIGNING_KEY,
                TOKENS.claims().issuer("http://keycloak.invalid/realms/smart-union").build());

        expectProblem(client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectHeader().exists(HttpHeaders.RETRY_AFTER), 503, "authentication-unavailable");
        assertThat(IDENTITY_PROVIDER.jwksFetches()).isPositive();
        assertThat(MEMBERSHIP.received()).isEmpty();

        IDENTITY_PROVIDER.recover();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .exchange()
            .expectStatus().isOk());
    }
}
