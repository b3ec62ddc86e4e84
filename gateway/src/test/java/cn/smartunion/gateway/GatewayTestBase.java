package cn.smartunion.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import cn.smartunion.gateway.support.FreePort;
import cn.smartunion.gateway.support.IdentityProviderStub;
import cn.smartunion.gateway.support.StubService;
import cn.smartunion.gateway.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The real gateway on a random port, configured only through the environment variables it documents, in front of
 * real HTTP stubs: membership, rights, competition and statistics answer; nothing listens where aid should be. All subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// generous: a bound for a stuck call on a busy build machine, not a speed requirement
@AutoConfigureWebTestClient(timeout = "30s")
abstract class GatewayTestBase {

    static final StubService MEMBERSHIP = StubService.start("membership");
    static final StubService RIGHTS = StubService.start("rights");
    static final StubService COMPETITION = StubService.start("competition");
    static final StubService STATISTICS = StubService.start("statistics");
    static final String UNREACHABLE = "http://127.0.0.1:" + FreePort.unused();

    static final IdentityProviderStub IDENTITY_PROVIDER = IdentityProviderStub.start(TestTokens.SIGNING_KEY);
    static final TestTokens TOKENS = new TestTokens(IDENTITY_PROVIDER.issuer());

    static final int RIGHTS_RESPONSE_TIMEOUT_MS = 500;
    static final int BREAKER_MINIMUM_CALLS = 4;
    static final int COMPETITION_MAX_CONCURRENT_CALLS = 2;
    static final int REQUEST_BODY_MAX_BYTES = 64 * 1024;
    static final int UPLOAD_BODY_MAX_BYTES = 4 * REQUEST_BODY_MAX_BYTES;
    static final String MOBILE_WEB_ORIGIN = "https://m.union.example";

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry env) {
        env.add("MEMBERSHIP_SERVICE_URI", MEMBERSHIP::baseUri);
        env.add("AID_SERVICE_URI", () -> UNREACHABLE);
        env.add("RIGHTS_SERVICE_URI", RIGHTS::baseUri);
        env.add("COMPETITION_SERVICE_URI", COMPETITION::baseUri);
        env.add("STATISTICS_SERVICE_URI", STATISTICS::baseUri);
        // OIDC_JWKS_URI is left out on purpose: it must default to the issuer's Keycloak certs path
        env.add("OIDC_ISSUER_URI", IDENTITY_PROVIDER::issuer);
        env.add("RIGHTS_RESPONSE_TIMEOUT_MS", () -> RIGHTS_RESPONSE_TIMEOUT_MS);
        env.add("BREAKER_MINIMUM_CALLS", () -> BREAKER_MINIMUM_CALLS);
        env.add("BREAKER_WINDOW_SIZE", () -> BREAKER_MINIMUM_CALLS);
        env.add("COMPETITION_MAX_CONCURRENT_CALLS", () -> COMPETITION_MAX_CONCURRENT_CALLS);
        // every request traced, so the trace context test does not depend on a sampling draw
        env.add("TRACING_SAMPLING_PROBABILITY", () -> "1.0");
        env.add("MANAGEMENT_PORT", () -> "0");
        env.add("REQUEST_BODY_MAX_SIZE", () -> REQUEST_BODY_MAX_BYTES + "B");
        env.add("UPLOAD_BODY_MAX_SIZE", () -> UPLOAD_BODY_MAX_BYTES + "B");
        // generous for a busy build machine; aid is refused at once anyway
        env.add("OPENAPI_FETCH_TIMEOUT", () -> "20s");
        env.add("CORS_ALLOWED_ORIGINS", () -> MOBILE_WEB_ORIGIN + ", https://*.console.union.example");
        // the tests play the TLS-terminating load balancer from loopback
        env.add("TRUSTED_PROXIES", () -> "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }

    @Autowired
    WebTestClient client;

    @Autowired
    CircuitBreakerRegistry breakers;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void startFromCleanSlate() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        resetStubs();
    }

    @AfterEach
    void releaseHeldCalls() {
        resetStubs();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    private static void resetStubs() {
        MEMBERSHIP.reset();
        RIGHTS.reset();
        COMPETITION.reset();
    }
}
