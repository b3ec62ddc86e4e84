package cn.smartunion.runtime.personaldata;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

import cn.smartunion.runtime.personaldata.InvalidCitizenIdNumberException.Reason;

/**
 * A validated 18-character citizen ID number (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date,
 * 3-digit sequence (odd for men), and an ISO 7064 MOD 11-2 check character ({@code 0-9} or {@code X}).
 *
 * <p>Personal data: {@link #toString()} is masked, and so is the JSON form when the suite's Jackson module is
 * registered. {@link #value()} gives the full number for encryption and blind indexing only.
 */
public final class CitizenIdNumber {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final int LENGTH = 18;

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final char[] CHECK_CHARACTERS = "10X98765432".toCharArray();

    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    // Provincial-level codes of GB/T 2260, plus 71 (Taiwan), 81/82 (Hong Kong, Macao) and 83 (Taiwan residents'
    // residence permits), which also carry numbers of this format.
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82", "83");

    private final String value;

    private final LocalDate birthDate;

    private CitizenIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates a number; surrounding whitespace is ignored and a lower-case {@code x} is accepted.
     *
     * @throws InvalidCitizenIdNumberException with the reason, never the number
     */
    public static CitizenIdNumber parse(String text) {
        return parse(text, Clock.system(CHINA));
    }

    /** As {@link #parse(String)}, judging "birth date in the future" against the given clock. */
    public static CitizenIdNumber parse(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            throw new InvalidCitizenIdNumberException(Reason.BLANK);
        }
        String value = text.strip();
        if (value.length() != LENGTH) {
            throw new InvalidCitizenIdNumberException(Reason.WRONG_LENGTH);
        }
        value = value.substring(0, LENGTH - 1) + Character.toUpperCase(value.charAt(LENGTH - 1));
        for (int i = 0; i < LENGTH - 1; i++) {
            if (!isAsciiDigit(value.charAt(i))) {
                throw new InvalidCitizenIdNumberException(Reason.ILLEGAL_CHARACTER);
            }
        }
        char last = value.charAt(LENGTH - 1);
        if (!isAsciiDigit(last) && last != 'X') {
            throw new InvalidCitizenIdNumberException(Reason.ILLEGAL_CHARACTER);
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new InvalidCitizenIdNumberException(Reason.UNKNOWN_REGION);
        }
        LocalDate birthDate = birthDate(value, LocalDate.now(clock.withZone(CHINA)));
        if (checkCharacter(value) != last) {
            throw new InvalidCitizenIdNumberException(Reason.WRONG_CHECK_DIGIT);
        }
        return new CitizenIdNumber(value, birthDate);
    }

    /** True when {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        }
        catch (InvalidCitizenIdNumberException invalid) {
            return false;
        }
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits of {@code digits}. */
    static char checkCharacter(String digits) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    private static LocalDate birthDate(String value, LocalDate today) {
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        }
        catch (DateTimeException notADate) {
            throw new InvalidCitizenIdNumberException(Reason.INVALID_BIRTH_DATE);
        }
        if (date.isBefore(EARLIEST_BIRTH_DATE) || date.isAfter(today)) {
            throw new InvalidCitizenIdNumberException(Reason.INVALID_BIRTH_DATE);
        }
        return date;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The full, normalised number (upper-case {@code X}). For encryption and blind indexing only. */
    public String value() {
        return value;
    }

    /** The 6-digit administrative division code of the place of first registration. */
    public String regionCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** First four and last four characters, the rest starred: {@code 4203**********123X}. */
    public String masked() {
        return Masking.citizenIdNumber(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CitizenIdNumber that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so the number cannot leak through logging or string concatenation. */
    @Override
    public String toString() {
        return masked();
    }
}
