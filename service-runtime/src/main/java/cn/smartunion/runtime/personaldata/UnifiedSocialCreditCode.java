package cn.smartunion.runtime.personaldata;

import java.util.Locale;

import cn.smartunion.runtime.personaldata.InvalidUnifiedSocialCreditCodeException.Reason;

/**
 * A validated unified social credit code (统一社会信用代码, GB 32100-2015) of an employer or other organisation:
 * registration authority, organisation type, 6-digit region code, 9-character organisation code, and a check
 * character, all from a 31-character alphabet without I, O, Z, S and V.
 *
 * <p>An organisation's code is public, not personal data, so it is not masked.
 */
public final class UnifiedSocialCreditCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int LENGTH = 18;

    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    private final String value;

    private UnifiedSocialCreditCode(String value) {
        this.value = value;
    }

    /**
     * Parses and validates a code; surrounding whitespace is ignored and letters are upper-cased.
     *
     * @throws InvalidUnifiedSocialCreditCodeException with the reason
     */
    public static UnifiedSocialCreditCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidUnifiedSocialCreditCodeException(Reason.BLANK);
        }
        String value = text.strip().toUpperCase(Locale.ROOT);
        if (value.length() != LENGTH) {
            throw new InvalidUnifiedSocialCreditCodeException(Reason.WRONG_LENGTH);
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            boolean regionDigit = i >= 2 && i < 8;
            if (ALPHABET.indexOf(c) < 0 || (regionDigit && (c < '0' || c > '9'))) {
                throw new InvalidUnifiedSocialCreditCodeException(Reason.ILLEGAL_CHARACTER);
            }
        }
        if (checkCharacter(value) != value.charAt(LENGTH - 1)) {
            throw new InvalidUnifiedSocialCreditCodeException(Reason.WRONG_CHECK_DIGIT);
        }
        return new UnifiedSocialCreditCode(value);
    }

    /** True when {@link #parse(String)} would accept the text. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        }
        catch (InvalidUnifiedSocialCreditCodeException invalid) {
            return false;
        }
    }

    /** The GB 32100 check character for the first 17 characters of {@code code} (all from the alphabet). */
    static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    public String value() {
        return value;
    }

    /** The registration authority (1 机构编制, 5 民政, 8 工会, 9 市场监管 ...). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** The 6-digit administrative division code of the registering authority. */
    public String regionCode() {
        return value.substring(2, 8);
    }

    /** The 9-character organisation code (组织机构代码) embedded at positions 9-17. */
    public String organisationCode() {
        return value.substring(8, 17);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnifiedSocialCreditCode that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
