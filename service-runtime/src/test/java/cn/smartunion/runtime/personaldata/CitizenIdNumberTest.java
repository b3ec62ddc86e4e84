package cn.smartunion.runtime.personaldata;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import cn.smartunion.runtime.personaldata.InvalidCitizenIdNumberException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CitizenIdNumberTest {

    /** The worked example of GB 11643-1999 (Beijing Chaoyang, 1949-12-31, female, check character X). */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void acceptsTheStandardsExampleAndDerivesBirthDateAndGender() {
        CitizenIdNumber number = CitizenIdNumber.parse(STANDARD_EXAMPLE);

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(number.regionCode()).isEqualTo("110105");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void oddSequenceDigitIsMale() {
        CitizenIdNumber number = CitizenIdNumber.parse(withCheckCharacter("42032219900101123"));

        assertThat(number.gender()).isEqualTo(Gender.MALE);
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1990, 1, 1));
    }

    @Test
    void lowerCaseXAndSurroundingWhitespaceAreNormalised() {
        CitizenIdNumber number = CitizenIdNumber.parse("  11010519491231002x\t");

        assertThat(number.value()).isEqualTo(STANDARD_EXAMPLE);
        assertThat(number).isEqualTo(CitizenIdNumber.parse(STANDARD_EXAMPLE));
    }

    @Test
    void maskKeepsFirstAndLastFourCharacters() {
        CitizenIdNumber number = CitizenIdNumber.parse("42032219900106123X");

        assertThat(number.masked()).isEqualTo("4203**********123X");
        assertThat(number.toString()).isEqualTo("4203**********123X");
    }

    @ParameterizedTest
    @CsvSource({
            // last character changed from the correct one
            "110105194912310021, WRONG_CHECK_DIGIT",
            "42032219900106123Y, ILLEGAL_CHARACTER",
            "4203221990010612345, WRONG_LENGTH",
            "42032219900106123, WRONG_LENGTH",
            "42032219900A06123X, ILLEGAL_CHARACTER",
            "４２０３２２１９９００１０６１２３Ｘ, ILLEGAL_CHARACTER" })
    void rejectsMalformedNumbersWithAReason(String text, Reason reason) {
        assertRejected(text, reason);
    }

    @Test
    void rejectsAnImpossibleBirthDateEvenWithACorrectCheckCharacter() {
        assertRejected(withCheckCharacter("42032219900230123"), Reason.INVALID_BIRTH_DATE);
        assertRejected(withCheckCharacter("42032219901301123"), Reason.INVALID_BIRTH_DATE);
    }

    @Test
    void rejectsBirthDatesBefore1900() {
        // GB 11643's second example: well formed, but nobody born in 1880 applies to join a union
        assertRejected("440524188001010014", Reason.INVALID_BIRTH_DATE);
    }

    @Test
    void rejectsBirthDatesInTheFuture() {
        Clock newYear2024 = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
        String bornInJune2024 = withCheckCharacter("42032220240601123");

        assertThatThrownBy(() -> CitizenIdNumber.parse(bornInJune2024, newYear2024))
            .isInstanceOfSatisfying(InvalidCitizenIdNumberException.class,
                    ex -> assertThat(ex.reason()).isEqualTo(Reason.INVALID_BIRTH_DATE));
        assertThat(CitizenIdNumber.parse(withCheckCharacter("42032220231231123"), newYear2024).birthDate())
            .isEqualTo(LocalDate.of(2023, 12, 31));
    }

    @Test
    void rejectsAnUnknownProvince() {
        assertRejected(withCheckCharacter("99032219900101123"), Reason.UNKNOWN_REGION);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void rejectsBlank(String text) {
        assertRejected(text, Reason.BLANK);
    }

    @Test
    void isValidAgreesWithParse() {
        assertThat(CitizenIdNumber.isValid(STANDARD_EXAMPLE)).isTrue();
        assertThat(CitizenIdNumber.isValid("110105194912310021")).isFalse();
    }

    private static void assertRejected(String text, Reason reason) {
        assertThatThrownBy(() -> CitizenIdNumber.parse(text))
            .isInstanceOfSatisfying(InvalidCitizenIdNumberException.class, ex -> {
                assertThat(ex.reason()).isEqualTo(reason);
                assertThat(ex.reasonCode()).isEqualTo(reason.name());
                assertThat(ex.identifierName()).isEqualTo("citizenIdNumber");
                if (text != null && text.strip().length() > 4) {
                    assertThat(ex.getMessage()).doesNotContain(text.strip().substring(0, 5));
                }
            });
    }

    /**
     * The check character computed from the standard's formula rather than the production table:
     * a1 = (12 - (sum of a_i * 2^(i-1) mod 11) mod 11) mod 11, i counted from the right starting at 1 for the check
     * character itself; 10 is written X.
     */
    static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int positionFromRight = 18 - i;
            int weight = (1 << (positionFromRight - 1)) % 11;
            sum += Character.digit(first17.charAt(i), 10) * weight;
        }
        int check = (12 - sum % 11) % 11;
        return first17 + (check == 10 ? "X" : String.valueOf(check));
    }
}
