package cn.smartunion.runtime.scope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.smartunion.runtime.testing.MongoWireServer;
import cn.smartunion.runtime.testing.TestJwtIssuer;
import cn.smartunion.runtime.testing.TestPersonalDataKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real RS256 tokens against Boot's JwtDecoder (configured only through the standard properties) behind the
 * auto-configured chain: issuer and audience are enforced, and the key set is fetched lazily and cached.
 */
@SpringBootTest(classes = SignedTokenValidationTest.WhoAmIApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { TestPersonalDataKeys.AES_KEY,
                TestPersonalDataKeys.ACTIVE_KEY_ID, TestPersonalDataKeys.BLIND_INDEX_KEY })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedTokenValidationTest {

    private static final TestJwtIssuer ISSUER = TestJwtIssuer.start();

    private static final String AUDIENCE = "smartunion-api";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        ISSUER.registerResourceServer(registry, AUDIENCE);
        MongoWireServer.registerUri(registry, "signed-token-test");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    @Order(1)
    void keySetIsNotFetchedAtStartupButOnTheFirstTokenAndThenCached() throws Exception {
        assertThat(ISSUER.jwkSetRequests()).as("fetched while starting").isZero();

        for (int i = 0; i < 3; i++) {
            assertThat(whoAmI(ISSUER.orgUserToken("420000/420300", AUDIENCE, "staff")).statusCode()).isEqualTo(200);
        }

        assertThat(ISSUER.jwkSetRequests()).isEqualTo(1);
    }

    @Test
    void validTokenReachesTheControllerAsOrgPrincipal() throws Exception {
        HttpResponse<String> response = whoAmI(ISSUER.orgUserToken("420000/420300/420322", AUDIENCE, "staff"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("orgPath").asString()).isEqualTo("420000/420300/420322");
        assertThat(body.get("roles").get(0).asString()).isEqualTo("staff");
    }

    @Test
    void tokenForAnotherAudienceIsRejected() throws Exception {
        assertRejected(ISSUER.orgUserToken("420000", "some-other-api", "staff"));
    }

    @Test
    void tokenWithoutAudienceIsRejected() throws Exception {
        assertRejected(ISSUER.token(claims -> claims.claim("org_path", "420000")));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() throws Exception {
        assertRejected(ISSUER.token(claims -> claims.issuer("http://evil.test/realms/smartunion")
            .audience(AUDIENCE)
            .claim("org_path", "420000")));
    }

    @Test
    void expiredTokenIsRejected() throws Exception {
        Instant anHourAgo = Instant.now().minusSeconds(3600);
        assertRejected(ISSUER.token(claims -> claims.audience(AUDIENCE)
            .issueTime(Date.from(anHourAgo.minusSeconds(300)))
            .expirationTime(Date.from(anHourAgo))));
    }

    @Test
    void tokenSignedByAnUnknownKeyIsRejected() throws Exception {
        assertRejected(ISSUER.tokenSignedByUnknownKey(claims -> claims.audience(AUDIENCE)));
    }

    @Test
    void tokenWithAMalformedOrgPathIsRejected() throws Exception {
        assertRejected(ISSUER.token(claims -> claims.audience(AUDIENCE).claim("org_path", "420000/../*")));
    }

    @Test
    void partnerClientTokenWithoutOrgPathIsAcceptedWithNoOrg() throws Exception {
        HttpResponse<String> response = whoAmI(ISSUER.token(claims -> claims.audience(AUDIENCE)
            .claim("azp", "court-portal")
            .claim("scope", "rights.referrals.read")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).get("orgPath").isNull()).isTrue();
    }

    private void assertRejected(String token) throws Exception {
        HttpResponse<String> response = whoAmI(token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:smartunion:problem:unauthenticated");
        assertThat(problem.get("detail").asString()).isEqualTo("The bearer token is invalid or has expired.");
    }

    private HttpResponse<String> whoAmI(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/whoami"))
            .header("Authorization", "Bearer " + token)
            .header("Accept-Language", "en")
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(), BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(WhoAmIController.class)
    static class WhoAmIApplication {
    }

    @RestController
    static class WhoAmIController {

        @GetMapping("/test/whoami")
        Map<String, Object> whoAmI(@AuthenticationPrincipal OrgPrincipal principal) {
            Map<String, Object> body = new HashMap<>();
            body.put("subject", principal.subject());
            body.put("orgPath", principal.orgPath());
            body.put("roles", List.copyOf(principal.roles()));
            return body;
        }
    }
}
