package cn.smartunion.runtime.personaldata;

import java.util.Random;

import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnifiedSocialCreditCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /**
     * A real, published code (Huawei Technologies Co., Ltd., Shenzhen), verified by hand: with values
     * 9,1,4,4,0,3,0,0,1,9,2,2,0,3,8,2,1 and weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 the sum is
     * 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31 - 25 = 6, the last character.
     */
    private static final String HUAWEI = "914403001922038216";

    @Test
    void acceptsAKnownRealCode() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(HUAWEI);

        assertThat(code.value()).isEqualTo(HUAWEI);
        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.regionCode()).isEqualTo("440300");
        assertThat(code.organisationCode()).isEqualTo("192203821");
    }

    @Test
    void acceptsGeneratedCodesAndRejectsEveryOtherCheckCharacter() {
        Random random = new Random(20240501);
        for (int n = 0; n < 200; n++) {
            String body = randomBody(random);
            String valid = body + checkCharacter(body);

            assertThat(UnifiedSocialCreditCode.parse(valid).value()).isEqualTo(valid);
            for (char wrong : ALPHABET.toCharArray()) {
                if (wrong != valid.charAt(17)) {
                    assertRejected(body + wrong, Reason.WRONG_CHECK_DIGIT);
                }
            }
        }
    }

    @Test
    void codeWhoseCheckValueIsZeroEndsInZero() {
        Random random = new Random(7);
        String body;
        do {
            body = randomBody(random);
        }
        while (checkCharacter(body) != '0');

        assertThat(UnifiedSocialCreditCode.isValid(body + "0")).isTrue();
    }

    @Test
    void lowerCaseAndWhitespaceAreNormalised() {
        String valid = "91330100716105852F";

        assertThat(UnifiedSocialCreditCode.parse(" 91330100716105852f ").value()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({ "91440300192203821, WRONG_LENGTH", "9144030019220382161, WRONG_LENGTH",
            // I, O, Z, S, V are not in the alphabet
            "91440300192203821I, ILLEGAL_CHARACTER", "9144030019220382O6, ILLEGAL_CHARACTER",
            "914403001922038S16, ILLEGAL_CHARACTER",
            // the region code (positions 3-8) is digits only
            "9144A3001922038216, ILLEGAL_CHARACTER", "914403001922038217, WRONG_CHECK_DIGIT" })
    void rejectsMalformedCodes(String text, Reason reason) {
        assertRejected(text, reason);
    }

    @Test
    void rejectsBlank() {
        assertRejected(" ", Reason.BLANK);
        assertRejected(null, Reason.BLANK);
    }

    private static void assertRejected(String text, Reason reason) {
        assertThatThrownBy(() -> UnifiedSocialCreditCode.parse(text))
            .isInstanceOfSatisfying(InvalidUnifiedSocialCreditCodeException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(reason));
    }

    private static String randomBody(Random random) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 17; i++) {
            body.append(i >= 2 && i < 8 ? (char) ('0' + random.nextInt(10))
                    : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return body.toString();
    }

    /** GB 32100's check from its definition: weights are 3^(i-1) mod 31, check value 31 - (sum mod 31), 31 as 0. */
    private static char checkCharacter(String body) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(body.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
