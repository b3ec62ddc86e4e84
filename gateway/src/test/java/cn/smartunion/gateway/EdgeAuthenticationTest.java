package cn.smartunion.gateway;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.smartunion.gateway.support.TestTokens;

import org.springframework.http.HttpHeaders;

import static cn.smartunion.gateway.support.ProblemAssertions.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class EdgeAuthenticationTest extends GatewayTestBase {

    static Stream<Arguments> forgedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                arguments("signed with another key under the realm key's id",
                        TestTokens.signedWith(TestTokens.IMPOSTOR_KEY, TOKENS.claims().build())),
                arguments("signed with a key the realm never published",
                        TestTokens.signedWith(TestTokens.UNPUBLISHED_KEY, TOKENS.claims().build())),
                arguments("issued by another issuer",
                        TOKENS.valid(claims -> claims.issuer("http://127.0.0.1:1/realms/smart-union"))),
                arguments("expired",
                        TOKENS.valid(claims -> claims.issueTime(Date.from(now.minus(Duration.ofMinutes(20))))
                            .expirationTime(Date.from(now.minus(Duration.ofMinutes(10)))))),
                arguments("not valid yet",
                        TOKENS.valid(claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))))),
                arguments("meant for another audience", TOKENS.valid(claims -> claims.audience("payroll-api"))),
                arguments("without an audience", TOKENS.valid(claims -> claims.audience((String) null))),
                arguments("unsigned (alg none)", TOKENS.unsigned()),
                arguments("MAC-signed with the realm's public key", TOKENS.macSignedWithPublicKey()),
                arguments("not a JWT at all", "c2VjcmV0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgedTokens")
    void rejectsAForgedOrUnfitTokenWith401Problem(String description, String token) {
        expectProblem(client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(token))
            .exchange()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""), 401, "token-invalid");

        assertThat(MEMBERSHIP.received()).isEmpty();
    }

    @Test
    void rejectsARequestWithoutTokenWith401Problem() {
        expectProblem(client.post().uri("/api/aid/v1/cases")
            .exchange()
            .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer"), 401, "token-missing");
    }

    @Test
    void acceptsTheAudienceAsASingleString() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid(claims -> claims.audience(TestTokens.AUDIENCE))))
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void acceptsATokenJustPastExpiryWithinTheClockSkew() {
        Instant now = Instant.now();
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid(claims -> claims
                .issueTime(Date.from(now.minus(Duration.ofMinutes(5))))
                .expirationTime(Date.from(now.minus(Duration.ofSeconds(20)))))))
            .exchange()
            .expectStatus().isOk();
    }

    @Test
    void fetchesSigningKeysOnceNotPerRequestEvenForUnknownKeyIds() {
        client.get().uri("/api/membership/v1/members")
            .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
            .exchange()
            .expectStatus().isOk();
        int fetchesAfterWarmUp = IDENTITY_PROVIDER.jwksFetches();
        assertThat(fetchesAfterWarmUp).isPositive();

        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/membership/v1/members")
                .header(HttpHeaders.AUTHORIZATION, bearer(TOKENS.valid()))
                .exchange()
                .expectStatus().isOk();
        }
        assertThat(IDENTITY_PROVIDER.jwksFetches()).isEqualTo(fetchesAfterWarmUp);

        for (int i = 0; i < 5; i++) {
            client.get().uri("/api/membership/v1/members")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.signedWith(TestTokens.UNPUBLISHED_KEY, TOKENS.claims().build())))
                .exchange()
                .expectStatus().isUnauthorized();
        }
        // an unknown key id may prompt one refresh (the realm may have rotated), not one per request
        assertThat(IDENTITY_PROVIDER.jwksFetches()).isLessThanOrEqualTo(fetchesAfterWarmUp + 1);
    }
}
