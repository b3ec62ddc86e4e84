package cn.smartunion.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityHeadersTest extends GatewayTestBase {

    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Test
    void protectsAServiceResponse() {
        expectApiHeaders(client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk());
    }

    @Test
    void protectsTheEdgesOwnErrors() {
        expectApiHeaders(client.get().uri("/api/membership/v1/members").exchange().expectStatus().isUnauthorized());
        expectApiHeaders(client.get().uri("/no/such/thing").exchange().expectStatus().isNotFound());
        expectApiHeaders(client.get().uri("/api/aid/v1/cases")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isEqualTo(503));
    }

    @Test
    void sendsHstsOnlyForRequestsThatCameOverTls() {
        client.get().uri("/livez")
            .exchange()
            .expectHeader().doesNotExist("Strict-Transport-Security");

        // as the TLS-terminating load balancer (a trusted proxy) forwards it
        client.get().uri("/livez")
            .header("X-Forwarded-Proto", "https")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().value("Strict-Transport-Security", hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void givesTheSwaggerUiAPolicyThatLetsItRunAndTheApiOneThatLetsNothingRun() {
        client.get().uri("/webjars/swagger-ui/index.html")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().value("Content-Security-Policy", policy ->
                assertThat(policy).contains("script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-eval"))
            .expectHeader().valueEquals("X-Frame-Options", "DENY");

        client.get().uri("/openapi/membership")
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Content-Security-Policy", API_POLICY);
    }

    @Test
    void givesTheStatisticsReportPageAPolicyThatLoadsItsOwnStylesheetAndRunsNothing() {
        String reportPolicy = "default-src 'none'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        client.get().uri("/api/statistics/v1/report?period=2026")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals("Content-Security-Policy", reportPolicy)
            .expectHeader().valueEquals("X-Frame-Options", "DENY")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
        // the edge's own refusal of the page, too: nothing on it may run
        client.get().uri("/api/statistics/v1/report")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals("Content-Security-Policy", reportPolicy);

        // the figures, the stylesheet itself and anything under the page's path stay API answers
        for (String uri : new String[] {"/api/statistics/v1/figures", "/api/statistics/v1/report.css",
                "/api/statistics/v1/report/extra"}) {
            client.get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchange()
                .expectHeader().valueEquals("Content-Security-Policy", API_POLICY);
        }
    }

    private static void expectApiHeaders(WebTestClient.ResponseSpec response) {
        response
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueEquals("X-Frame-Options", "DENY")
            .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
            .expectHeader().valueEquals("Content-Security-Policy", API_POLICY)
            .expectHeader().value(HttpHeaders.CACHE_CONTROL, cacheControl -> assertThat(cacheControl).contains("no-store"))
            // plain HTTP from a client that is not a trusted proxy
            .expectHeader().doesNotExist("Strict-Transport-Security");
    }
}
