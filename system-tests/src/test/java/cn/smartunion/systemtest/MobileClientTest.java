package cn.smartunion.systemtest;

import java.util.Map;
import java.util.UUID;

import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.MembershipApi;
import cn.smartunion.systemtest.suite.People;
import cn.smartunion.systemtest.suite.Suite;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member on the mobile web client: claims the record their union entered, sees it masked; the browser's CORS
 * preflight is answered for the client's origin only; request ids come back; the edge sends its security headers and
 * keeps the actuator to itself; the API is documented in one merged OpenAPI document.
 */
class MobileClientTest {

    private static final String MOBILE_ORIGIN = "http://localhost:19006";

    private static Suite suite;
    private static String member;

    @BeforeAll
    static void startSuite() {
        suite = Suite.shared();
        member = suite.userToken("member.demo");
    }

    @Test
    void aMemberClaimsTheRecordTheirUnionEnteredAndSeesItMasked() {
        MembershipApi membership = new MembershipApi(suite);
        String county = suite.userToken("county.admin");
        People.Person me = People.newPerson("420322");
        membership.registeredMember(county, membership.orgId(county, "Y0001"), me);

        Http.Answer before = Http.get(suite.gatewayUrl() + "/api/membership/v1/me", member);
        Http.Answer wrongName = Http.post(suite.gatewayUrl() + "/api/membership/v1/me/claim", member,
                Map.of("citizenIdNumber", me.citizenIdNumber(), "legalName", "张某某"));
        Http.Answer claimed = Http.post(suite.gatewayUrl() + "/api/membership/v1/me/claim", member,
                Map.of("citizenIdNumber", me.citizenIdNumber(), "legalName", me.legalName()));
        Http.Answer mine = Http.get(suite.gatewayUrl() + "/api/membership/v1/me", member);

        assertThat(before.status()).as(before.toString()).isEqualTo(404);
        assertThat(wrongName.status()).as(wrongName.toString()).isEqualTo(404);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.body()).contains("郧西县快递物流行业联合工会").doesNotContain(me.citizenIdNumber())
                .doesNotContain(me.mobilePhone());
    }

    @Test
    void theBrowsersPreflightIsAnsweredForTheMobileClientsOriginOnly() {
        Map<String, String> preflight = Map.of("Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type,idempotency-key");

        Http.Answer allowed = Http.call("OPTIONS", suite.gatewayUrl() + "/api/membership/v1/me/claim", null,
                with(preflight, "Origin", MOBILE_ORIGIN));
        Http.Answer refused = Http.call("OPTIONS", suite.gatewayUrl() + "/api/membership/v1/me/claim", null,
                with(preflight, "Origin", "https://elsewhere.example"));

        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.header("access-control-allow-origin")).hasValue(MOBILE_ORIGIN);
        assertThat(allowed.header("access-control-allow-headers").orElse("").toLowerCase())
                .contains("authorization").contains("idempotency-key");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.header("access-control-allow-origin")).isEmpty();
    }

    @Test
    void requestIdsComeBackAndTheEdgeSendsItsSecurityHeaders() {
        String requestId = "st-" + UUID.randomUUID();
        Http.Answer answer = Http.get(suite.gatewayUrl() + "/api/aid/v1/org-directory", member,
                Map.of("X-Request-Id", requestId));

        assertThat(answer.header("x-request-id")).hasValue(requestId);
        assertThat(answer.header("x-content-type-options")).hasValue("nosniff");
        assertThat(answer.header("content-security-policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void theActuatorIsNotReachableFromOutsideButTheProbesAre() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/env", "/actuator/health",
                "/api/membership/actuator/env"}) {
            Http.Answer answer = Http.get(suite.gatewayUrl() + path, member);
            assertThat(answer.status()).as(answer.toString()).isIn(401, 403, 404);
        }
        assertThat(Http.get(suite.gatewayUrl() + "/readyz", null).status()).isEqualTo(200);
        assertThat(Http.get(suite.gatewayUrl() + "/livez", null).status()).isEqualTo(200);
    }

    @Test
    void theMergedOpenApiDocumentDescribesEveryService() {
        Http.Answer openApi = Http.get(suite.gatewayUrl() + "/openapi", null);

        assertThat(openApi.status()).as(openApi.toString()).isEqualTo(200);
        assertThat(openApi.json().path("paths").propertyNames()).contains("/api/membership/v1/members",
                "/api/membership/v1/verifications", "/api/aid/v1/org-directory", "/api/rights/v1/org-directory",
                "/api/competition/v1/org-directory");
        assertThat(Http.get(suite.gatewayUrl() + "/swagger-ui.html", null).status()).isIn(200, 302);
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put(name, value);
        return all;
    }
}
