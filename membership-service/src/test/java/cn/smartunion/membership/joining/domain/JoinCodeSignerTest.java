package cn.smartunion.membership.joining.domain;

import cn.smartunion.membership.member.domain.MemberRuleViolation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinCodeSignerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final Instant IN_A_MONTH = NOW.plus(Duration.ofDays(30));
    private static final byte[] OLD_KEY = "old-key-0123456789abcdef-0123456".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW_KEY = "new-key-0123456789abcdef-0123456".getBytes(StandardCharsets.US_ASCII);
    private static final String ORG = "3f2c9a1e-7b4d-4c8e-9a51-0d6e2b7f8c13";

    private final JoinCodeSigner signer = new JoinCodeSigner(Map.of("k2025", OLD_KEY, "k2026", NEW_KEY), "k2026");

    @Test
    void aSignedCodeVerifiesAndSaysWhichUnionCampaignAndExpiry() {
        // given
        String token = signer.sign(ORG, "warm-new-2026", IN_A_MONTH.plusMillis(999), NOW).token();

        // when
        JoinCode code = signer.verify(token, NOW.plus(Duration.ofDays(29)));

        // then
        assertThat(code.orgId()).isEqualTo(ORG);
        assertThat(code.campaignId()).isEqualTo("warm-new-2026");
        assertThat(code.validUntil()).isEqualTo(IN_A_MONTH);
        assertThat(code.keyId()).isEqualTo("k2026");
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(200);
        assertThat(signer.verify(signer.sign(ORG, null, IN_A_MONTH, NOW).token(), NOW).campaignId()).isNull();
    }

    @Test
    void anExpiredCodeIsExpiredFromItsLastSecondOn() {
        String token = signer.sign(ORG, null, IN_A_MONTH, NOW).token();
        assertThat(signer.verify(token, IN_A_MONTH.minusMillis(1)).orgId()).isEqualTo(ORG);
        assertThatThrownBy(() -> signer.verify(token, IN_A_MONTH))
                .isInstanceOfSatisfying(JoinCodeRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(JoinCodeRejected.Reason.EXPIRED));
    }

    @Test
    void aCodeWithAnyChangedCharacterIsInvalid() {
        String token = signer.sign(ORG, "c-1", IN_A_MONTH, NOW).token();
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                continue;
            }
            String changed = token.substring(0, i) + (c == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertRejectedAsInvalid(changed);
        }
    }

    @Test
    void everyOtherSpellingOfTheLastCharacterIsInvalidThoughSomeDecodeToTheSameBytes() {
        // the final base64url character of a 32-byte MAC carries 2 bits a decoder ignores
        String token = signer.sign(ORG, null, IN_A_MONTH, NOW).token();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = token.charAt(token.length() - 1);
        for (char other : alphabet.toCharArray()) {
            if (other != last) {
                assertRejectedAsInvalid(token.substring(0, token.length() - 1) + other);
            }
        }
    }

    @Test
    void aForgedPayloadForAnotherUnionOrALongerValidityIsInvalid() {
        String token = signer.sign(ORG, null, IN_A_MONTH, NOW).token();
        String mac = token.substring(token.indexOf('.') + 1);
        long farFuture = NOW.plus(Duration.ofDays(3650)).getEpochSecond();
        for (String payload : new String[]{"1|k2026|" + ORG + "||" + farFuture, "1|k2026|other-org||"
                + IN_A_MONTH.getEpochSecond(), "1|k2026|" + ORG + "|c-2|" + IN_A_MONTH.getEpochSecond()}) {
            assertRejectedAsInvalid(encode(payload) + "." + mac);
        }
    }

    @Test
    void garbageIsInvalidNeverAnError() {
        for (String garbage : new String[]{"", ".", "abc", "abc.", ".abc", "a.b.c", "%%%.###", "x".repeat(600),
                encode("1|k2026|" + ORG) + ".AAAA", encode("2|k2026|" + ORG + "||1") + ".AAAA",
                encode("1|k2026|" + ORG + "||not-a-number") + ".AAAA", encode("1|k2026|" + ORG + "||99999999999999999999")
                + ".AAAA"}) {
            assertRejectedAsInvalid(garbage);
        }
        assertRejectedAsInvalid(null);
    }

    @Test
    void rotationSignsWithTheActiveKeyAndStillVerifiesCodesOfTheOldOne() {
        // given a code printed while k2025 was active
        JoinCodeSigner before = new JoinCodeSigner(Map.of("k2025", OLD_KEY), "k2025");
        String printedLastYear = before.sign(ORG, null, IN_A_MONTH, NOW).token();

        // then the rotated signer still accepts it, and signs new codes with k2026
        assertThat(signer.verify(printedLastYear, NOW).keyId()).isEqualTo("k2025");
        assertThat(signer.sign(ORG, null, IN_A_MONTH, NOW).code().keyId()).isEqualTo("k2026");

        // and once k2025 is removed, its codes are revoked
        JoinCodeSigner retired = new JoinCodeSigner(Map.of("k2026", NEW_KEY), "k2026");
        assertThatThrownBy(() -> retired.verify(printedLastYear, NOW))
                .isInstanceOfSatisfying(JoinCodeRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(JoinCodeRejected.Reason.INVALID));
    }

    @Test
    void aCodeSignedWithAnotherKeyUnderTheSameIdIsInvalid() {
        JoinCodeSigner impostor = new JoinCodeSigner(Map.of("k2026", OLD_KEY), "k2026");
        assertRejectedAsInvalid(impostor.sign(ORG, null, IN_A_MONTH, NOW).token());
    }

    @Test
    void validityMustBeInTheFutureAndAtMostAYearAhead() {
        assertThatThrownBy(() -> signer.sign(ORG, null, NOW, NOW))
                .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> signer.sign(ORG, null, NOW.plus(Duration.ofDays(367)), NOW))
                .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("validUntil"));
        assertThatThrownBy(() -> signer.sign(ORG, null, null, NOW))
                .isInstanceOfSatisfying(MemberRuleViolation.class, v -> assertThat(v.field()).isEqualTo("validUntil"));
        assertThat(signer.sign(ORG, null, NOW.plus(JoinCodeSigner.MAX_VALIDITY), NOW).code().validUntil())
                .isEqualTo(NOW.plus(JoinCodeSigner.MAX_VALIDITY));
    }

    @Test
    void keysAreCheckedWithoutRevealingThem() {
        assertThatThrownBy(() -> new JoinCodeSigner(Map.of(), "k"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JoinCodeSigner(Map.of("short", "too-short".getBytes(StandardCharsets.US_ASCII)),
                "short")).isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("too-short");
        assertThatThrownBy(() -> new JoinCodeSigner(Map.of("k2026", NEW_KEY), "k2027"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k2027");
        assertThatThrownBy(() -> new JoinCodeSigner(Map.of("bad id", NEW_KEY), "bad id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejectedAsInvalid(String token) {
        assertThatThrownBy(() -> signer.verify(token, NOW)).as(String.valueOf(token))
                .isInstanceOfSatisfying(JoinCodeRejected.class,
                        r -> assertThat(r.reason()).isEqualTo(JoinCodeRejected.Reason.INVALID));
    }

    private static String encode(String payload) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
    }
}
