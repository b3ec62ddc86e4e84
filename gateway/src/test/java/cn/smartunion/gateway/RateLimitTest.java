package cn.smartunion.gateway;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.StubService;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Its own context: budgets small enough to use up in a test, refilled too slowly to refill during one. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a bound for a stuck call on a busy build machine, not a speed requirement
@AutoConfigureWebTestClient(timeout = "30s")
class RateLimitTest {

    static final StubService MEMBERSHIP = StubService.start("membership");
    static final IdentityProviderStub IDENTITY_PROVIDER = IdentityProviderStub.start(TestTokens.SIGNING_KEY);
    static final TestTokens TOKENS = new TestTokens(IDENTITY_PROVIDER.issuer());

    static final int PORTAL_DAILY_QUOTA = 5;
    static final int USER_BURST = 3;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("MEMBERSHIP_SERVICE_URI", MEMBERSHIP::baseUri);
        env.add("OIDC_ISSUER_URI", IDENTITY_PROVIDER::issuer);
        env.add("PORTAL_QUOTA_PER_DAY", () -> PORTAL_DAILY_QUOTA);
        env.add("PORTAL_QUOTA_PER_MINUTE", () -> 6000);
        env.add("USER_RATE_LIMIT_BURST", () -> USER_BURST);
        // one request a minute: nothing refills while a test runs
        env.add("USER_RATE_LIMIT_PER_MINUTE", () -> 1);
        env.add("MANAGEMENT_PORT", () -> "0");
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @BeforeEach
    void forgetRequests() {
        MEMBERSHIP.reset();
    }

    @Test
    void answersABurstOverAPartnersQuotaWith429AndRetryAfterNever5xx() {
        WebClient portal = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            // a fresh token per call: the quota belongs to the client, not to one token
            .filter((request, next) -> next.exchange(ClientRequest.from(request)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + portalToken())
                .build()))
            .build();

        List<Answer> answers = Flux.range(0, 15)
            .flatMap(i -> portal.get().uri("/api/membership/v1/verifications/{i}", i)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                    .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), body))))
            .collectList()
            .block();

        assertThat(answers).extracting(Answer::status).containsOnly(200, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(PORTAL_DAILY_QUOTA);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).hasSize(15 - PORTAL_DAILY_QUOTA).allSatisfy(refused -> {
            assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.body()).contains("\"type\":\"urn:smartunion:problem:quota-exceeded\"", "\"status\":429");
            // until midnight in Beijing: at most a day
            assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 86_400L);
            assertThat(refused.headers().getFirst("RateLimit-Limit")).isEqualTo(Integer.toString(PORTAL_DAILY_QUOTA));
            assertThat(refused.headers().getFirst("RateLimit-Remaining")).isEqualTo("0");
        });
        assertThat(MEMBERSHIP.received()).hasSize(PORTAL_DAILY_QUOTA);
    }

    @Test
    void limitsEachUserOnTheirOwn() {
        String busy = TOKENS.valid(claims -> claims.subject("busy-user"));
        for (int i = 0; i < USER_BURST; i++) {
            client.get().uri("/api/membership/v1/members")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(USER_BURST))
                .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(USER_BURST - 1 - i));
        }

        expectProblem(client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + busy)
            .exchange()
            // one request a minute: the next one within a minute
            .expectHeader().value(HttpHeaders.RETRY_AFTER, retryAfter -> assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L)),
                429, "rate-limited");

        // another user still gets through; the same user with a new token (another device) does not
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid(claims -> claims.subject("quiet-user")))
            .exchange()
            .expectStatus().isOk();
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid(claims -> claims.subject("busy-user")))
            .exchange()
            .expectStatus().isEqualTo(429);
        assertThat(MEMBERSHIP.received()).hasSize(USER_BURST + 1);
    }

    @Test
    void leavesPublicDocumentsAndAnonymousRequestsToTheirOwnRules() {
        IntStream.range(0, USER_BURST + 2).forEach(i -> client.get().uri("/api/membership/v1/members")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().doesNotExist("RateLimit-Limit"));
    }

    private String portalToken() {
        // as Keycloak issues them to the portal's service account: azp names the client
        return TOKENS.valid(claims -> claims.subject("service-account-portal-id")
            .claim("azp", "portal")
            .claim("realm_access", Map.of("roles", List.of("partner-portal"))));
    }

    record Answer(int status, HttpHeaders headers, String body) {
    }
}
