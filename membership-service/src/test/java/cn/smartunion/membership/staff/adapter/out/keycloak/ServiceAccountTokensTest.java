package cn.smartunion.membership.staff.adapter.out.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.ExpectedCount.once;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/** One token request per token lifetime: the token is reused until 30 s before it expires, or until refused. */
class ServiceAccountTokensTest {

    private static final String TOKEN_URL = "http://keycloak.test/realms/smart-union/protocol/openid-connect/token";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpiresAndRenewedWhenRefused() {
        RestClient.Builder builder = RestClient.builder().baseUrl("http://keycloak.test");
        MockRestServiceServer keycloak = MockRestServiceServer.bindTo(builder).build();
        ServiceAccountTokens tokens = new ServiceAccountTokens(builder.build(), "smart-union", "membership-service",
                "secret", clock);
        keycloak.expect(once(), requestTo(TOKEN_URL)).andExpect(method(HttpMethod.POST))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("grant_type=client_credentials")))
                .andRespond(withSuccess("{\"access_token\":\"t1\",\"expires_in\":300}", MediaType.APPLICATION_JSON));
        keycloak.expect(once(), requestTo(TOKEN_URL))
                .andRespond(withSuccess("{\"access_token\":\"t2\",\"expires_in\":300}", MediaType.APPLICATION_JSON));
        keycloak.expect(once(), requestTo(TOKEN_URL))
                .andRespond(withSuccess("{\"access_token\":\"t3\",\"expires_in\":300}", MediaType.APPLICATION_JSON));

        assertThat(tokens.current()).isEqualTo("t1");
        now.set(now.get().plusSeconds(269));
        assertThat(tokens.current()).as("still 31 s to go").isEqualTo("t1");
        now.set(now.get().plusSeconds(1));
        assertThat(tokens.current()).as("30 s before expiry").isEqualTo("t2");
        tokens.forget();
        assertThat(tokens.current()).as("after Keycloak refused it").isEqualTo("t3");
        keycloak.verify();
    }
}
