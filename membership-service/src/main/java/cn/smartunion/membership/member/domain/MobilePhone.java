package cn.smartunion.membership.member.domain;

import java.util.regex.Pattern;

/**
 * A mainland China mobile number: 11 digits starting {@code 13}-{@code 19}. Spaces and dashes are ignored, and a
 * {@code +86}/{@code 0086} country prefix is removed.
 */
public final class MobilePhone {

    public static final String FIELD = "mobilePhone";

    private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private MobilePhone() {
    }

    /** The 11-digit number, or null for a null or blank value (the phone is optional). */
    public static String normaliseOptional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip().replaceAll("[\\s-]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!MAINLAND_MOBILE.matcher(digits).matches()) {
            throw new MemberRuleViolation(field, "must be an 11-digit mainland mobile number starting 13 to 19");
        }
        return digits;
    }
}
