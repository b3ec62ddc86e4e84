package cn.smartunion.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;

import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.StubService;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Its own context, shaped like the local run where a portal burst of verification calls got 503s: membership behind a
 * bulkhead of 25 (Resilience4j's default, which that burst filled), partners capped at 10 requests in flight, a
 * partner bursting 50 requests at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PartnerBurstTest {

    static final StubService MEMBERSHIP = StubService.start("membership");
    static final IdentityProviderStub IDENTITY_PROVIDER = IdentityProviderStub.start(TestTokens.SIGNING_KEY);
    static final TestTokens TOKENS = new TestTokens(IDENTITY_PROVIDER.issuer());

    static final int MEMBERSHIP_MAX_CONCURRENT_CALLS = 25;
    static final int PARTNER_MAX_CONCURRENT_REQUESTS = 10;
    static final int PORTAL_DAILY_QUOTA = 60;
    static final int BURST_CONCURRENCY = 50;
    static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("MEMBERSHIP_SERVICE_URI", MEMBERSHIP::baseUri);
        env.add("OIDC_ISSUER_URI", IDENTITY_PROVIDER::issuer);
        env.add("MANAGEMENT_PORT", () -> "0");
        env.add("MEMBERSHIP_MAX_CONCURRENT_CALLS", () -> MEMBERSHIP_MAX_CONCURRENT_CALLS);
        // the partner's held calls wait for the members' calls: on a busy build machine that outlasted the default
        // 10 s response timeout (504), which is not what this test is about
        env.add("DOWNSTREAM_RESPONSE_TIMEOUT_MS", () -> WAIT.toMillis());
        env.add("PORTAL_QUOTA_PER_MINUTE", () -> 60_000);
        env.add("PORTAL_QUOTA_PER_DAY", () -> PORTAL_DAILY_QUOTA);
        env.add("PORTAL_MAX_CONCURRENT_REQUESTS", () -> PARTNER_MAX_CONCURRENT_REQUESTS);
        // a second partner with quota to spare: the portal's daily quota is used up by whichever test runs first
        env.add("smart-union.gateway.rate-limits.partners.court.per-minute", () -> 60_000);
        env.add("smart-union.gateway.rate-limits.partners.court.per-day", () -> 100_000);
        env.add("smart-union.gateway.rate-limits.partners.court.max-concurrent-requests", () -> PARTNER_MAX_CONCURRENT_REQUESTS);
    }

    @LocalServerPort
    int port;

    @BeforeEach
    @AfterEach
    void forgetRequestsAndReleaseHeldCalls() {
        MEMBERSHIP.reset();
    }

    @Test
    void answersAPartnersBurstWith200sAnd429sOnlyAndNeverMoreThanItsQuota() {
        MEMBERSHIP.respondAfter(Duration.ofMillis(200));

        List<Answer> answers = burst("portal", "/api/membership/v1/verifications", 400).collectList().block(WAIT);

        assertThat(answers).extracting(Answer::status).containsOnly(200, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == 429).allSatisfy(refused -> {
            assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.body()).containsAnyOf("urn:smartunion:problem:rate-limited", "urn:smartunion:problem:quota-exceeded");
            assertThat(Long.parseLong(refused.headers().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        });
        long served = answers.stream().filter(answer -> answer.status() == 200).count();
        assertThat(served).isLessThanOrEqualTo(PORTAL_DAILY_QUOTA).isEqualTo(MEMBERSHIP.received().size());
        assertThat(MEMBERSHIP.maxInFlight()).isLessThanOrEqualTo(PARTNER_MAX_CONCURRENT_REQUESTS);
    }

    @Test
    void keepsServingMembersAndStaffWhileAPartnerBursts() throws Exception {
        // the service holds the partner's calls until released: the partner keeps as many in flight as it may
        CompletableFuture<List<Answer>> partner = burst("court", "/api/membership/v1/verifications/slow", 200).collectList().toFuture();
        await().atMost(WAIT).until(() -> MEMBERSHIP.received().size() >= PARTNER_MAX_CONCURRENT_REQUESTS);

        List<Integer> members = Flux.range(0, 40)
            .flatMap(i -> client().get().uri("/api/membership/v1/members/{i}", i)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TOKENS.valid())
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
                    MEMBERSHIP_MAX_CONCURRENT_CALLS - PARTNER_MAX_CONCURRENT_REQUESTS)
            .collectList()
            .block(WAIT);
        assertThat(members).hasSize(40).containsOnly(200);

        MEMBERSHIP.reset();
        List<Answer> answers = partner.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(PARTNER_MAX_CONCURRENT_REQUESTS);
        assertThat(answers).filteredOn(answer -> answer.status() != 200).hasSize(200 - PARTNER_MAX_CONCURRENT_REQUESTS)
            .allSatisfy(refused -> {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
                assertThat(refused.body()).contains("\"type\":\"urn:smartunion:problem:rate-limited\"", "concurrent requests");
            });
    }

    /** {@code requests} calls from the partner client, {@link #BURST_CONCURRENCY} at a time, each with a fresh token. */
    private Flux<Answer> burst(String partnerClient, String path, int requests) {
        WebClient client = client();
        return Flux.range(0, requests)
            .flatMap(i -> client.post().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + partnerToken(partnerClient))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("citizenId", "420322199001011234", "name", "张三"))
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                    .map(body -> new Answer(response.statusCode().value(), response.headers().asHttpHeaders(), body))),
                    BURST_CONCURRENCY);
    }

    private WebClient client() {
        // a connection per call: the shared default pool holds 16 per host, too few for 50 at a time
        return WebClient.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
            .build();
    }

    private static String partnerToken(String client) {
        // as Keycloak issues them to a partner's service account: azp names the client
        return TOKENS.valid(claims -> claims.subject("service-account-" + client)
            .claim("azp", client)
            .claim("realm_access", Map.of("roles", List.of("partner-" + client))));
    }

    record Answer(int status, HttpHeaders headers, String body) {
    }
}
