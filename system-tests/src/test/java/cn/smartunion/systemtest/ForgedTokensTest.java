package cn.smartunion.systemtest;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.smartunion.systemtest.suite.Deployable;
import cn.smartunion.systemtest.suite.Http;
import cn.smartunion.systemtest.suite.Suite;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route at the gateway and every service called directly refuses a token that is wrong in exactly one way with
 * 401 problem+json. The wrong-issuer, expired and wrong-audience tokens are signed with a key the realm really signs
 * with, and the same claims signed the same way without the defect are accepted (the control), so each 401 is for the
 * defect and nothing else.
 */
class ForgedTokensTest {

    private static Suite suite;
    private static JWTClaimsSet genuineClaims;
    private static String genuineToken;

    @BeforeAll
    static void startSuite() throws ParseException {
        suite = Suite.shared();
        genuineToken = suite.userToken("city.admin");
        genuineClaims = SignedJWT.parse(genuineToken).getJWTClaimsSet();
    }

    enum Forgery {
        MISSING(claims -> null),
        BAD_SIGNATURE(claims -> tamperSignature(genuineToken)),
        ALG_NONE(claims -> unsigned(claims)),
        WRONG_ISSUER(claims -> signed(new JWTClaimsSet.Builder(claims)
                .issuer(suite.keycloak().issuer("another-realm")).build())),
        EXPIRED(claims -> signed(new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build())),
        WRONG_AUDIENCE(claims -> signed(new JWTClaimsSet.Builder(claims).audience("account").build())),
        GARBAGE(claims -> "not-a-jwt");

        private final Function<JWTClaimsSet, String> token;

        Forgery(Function<JWTClaimsSet, String> token) {
            this.token = token;
        }
    }

    /** Every route at the gateway, and every service directly. */
    static List<String> entries() {
        List<String> entries = new ArrayList<>();
        for (Deployable service : Deployable.services()) {
            entries.add(suite.gatewayUrl() + service.databaseBackedGet());
            entries.add(suite.serviceUrl(service) + service.databaseBackedGet());
        }
        return entries;
    }

    static Stream<Arguments> forgeriesAtEveryEntry() {
        Suite.shared();
        return entries().stream().flatMap(entry -> Stream.of(Forgery.values()).map(f -> Arguments.of(entry, f)));
    }

    @ParameterizedTest(name = "{1} at {0}")
    @MethodSource("forgeriesAtEveryEntry")
    void aForgedTokenGets401(String entry, Forgery forgery) {
        Http.Answer answer = Http.get(entry, forgery.token.apply(genuineClaims));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.header("www-authenticate")).as(answer.toString()).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at cn.").doesNotContain("at org.");
    }

    @Test
    void theSameClaimsSignedWithTheRealmsKeyAreAcceptedEverywhere() {
        String control = signed(genuineClaims);
        for (String entry : entries()) {
            Http.Answer genuine = Http.get(entry, genuineToken);
            Http.Answer resigned = Http.get(entry, control);
            assertThat(genuine.status()).as(genuine.toString()).isEqualTo(200);
            assertThat(resigned.status()).as(resigned.toString()).isEqualTo(200);
        }
    }

    private static String signed(JWTClaimsSet claims) {
        return suite.signingKey().sign(claims);
    }

    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    private static String tamperSignature(String jwt) {
        int signature = jwt.lastIndexOf('.') + 1;
        char[] chars = jwt.toCharArray();
        // change a character in the middle of the signature (the last one may carry only padding bits)
        int middle = signature + (chars.length - signature) / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }
}
