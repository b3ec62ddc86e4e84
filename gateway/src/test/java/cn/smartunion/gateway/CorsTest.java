package cn.smartunion.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

class CorsTest extends GatewayTestBase {

    private static final String REFUSED_ORIGIN = "https://evil.example";

    @Test
    void answersAPreflightFromAnAllowedOriginAtTheEdgeWithoutAToken() {
        client.options().uri("/api/membership/v1/members")
            .header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, idempotency-key")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, MOBILE_WEB_ORIGIN)
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                assertThat(headers.toLowerCase()).contains("authorization", "content-type", "idempotency-key"))
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "1800");

        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void allowsAnOriginMatchingAConfiguredPattern() {
        client.options().uri("/api/aid/v1/cases")
            .header(HttpHeaders.ORIGIN, "https://staff.console.union.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://staff.console.union.example");
    }

    @Test
    void refusesAPreflightFromAnOriginThatIsNotAllowed() {
        expectProblem(client.options().uri("/api/membership/v1/members")
            .header(HttpHeaders.ORIGIN, REFUSED_ORIGIN)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .exchange()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN), 403, "origin-not-allowed");

        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void refusesAPreflightForAMethodThatIsNotAllowed() {
        client.options().uri("/api/membership/v1/members")
            .header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "TRACE")
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void letsTheAllowedOriginReadTheResponseAndTheHeadersItNeeds() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, MOBILE_WEB_ORIGIN)
            .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                assertThat(exposed).contains("X-Request-Id", "Retry-After", "RateLimit-Remaining"))
            .expectHeader().values(HttpHeaders.VARY, vary -> assertThat(String.join(",", vary)).contains("Origin"));

        assertThat(MEMBERSHIP.received()).hasSize(1);
    }

    @Test
    void refusesARequestFromAnOriginThatIsNotAllowedBeforeItReachesAService() {
        expectProblem(client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.ORIGIN, REFUSED_ORIGIN)
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN), 403, "origin-not-allowed");

        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void letsTheAllowedOriginReadTheEdgesOwnErrors() {
        // 401 from the entry point, 404 from the error handler, 503 from the breaker's fallback
        expectCorsHeaders(client.get().uri("/api/membership/v1/members").header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .exchange().expectStatus().isUnauthorized());
        expectCorsHeaders(client.get().uri("/api/payroll/v1/slips").header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange().expectStatus().isNotFound());
        expectCorsHeaders(client.get().uri("/api/aid/v1/cases").header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange().expectStatus().isEqualTo(503));
    }

    @Test
    void keepsTheEdgesCorsHeadersWhenAServiceSendsItsOwn() {
        client.get().uri("/api/membership/v1/members/own-cors")
            .header(HttpHeaders.ORIGIN, MOBILE_WEB_ORIGIN)
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valuesMatch(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, MOBILE_WEB_ORIGIN)
            .expectHeader().valuesMatch(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
            .expectHeader().values(HttpHeaders.VARY, vary -> assertThat(vary).doesNotHaveDuplicates());
    }

    @Test
    void leavesRequestsWithoutAnOriginAlone() {
        client.method(HttpMethod.GET).uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static void expectCorsHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, MOBILE_WEB_ORIGIN)
            .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed -> assertThat(exposed).contains("X-Request-Id"));
    }
}
