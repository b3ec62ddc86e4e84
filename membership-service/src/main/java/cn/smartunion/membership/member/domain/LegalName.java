package cn.smartunion.membership.member.domain;

/**
 * Rules for a legal name (姓名) as written on the ID card: 1 to 50 characters; Chinese names, names of ethnic
 * minorities with the middle dot (阿卜杜拉·买买提) and Latin-script names with spaces are all accepted, digits and
 * control characters are not. Names are normalised before they are sealed, so the same name typed slightly
 * differently (extra spaces, another middle-dot character) has the same blind index.
 */
public final class LegalName {

    public static final String FIELD = "legalName";

    private static final int MAX_CODE_POINTS = 50;

    private LegalName() {
    }

    /** The name with surrounding whitespace removed and inner runs of whitespace collapsed. */
    public static String normalise(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new MemberRuleViolation(field, "is required");
        }
        String name = value.strip().replaceAll("[\\s\u3000]+", " ").replaceAll("[•・‧]", "·");
        // a legal name written in Chinese characters has no spaces: "张 三" is 张三, so it matches on claim
        name = name.replaceAll("(?<=\\p{IsHan}) | (?=\\p{IsHan})", "");
        int length = name.codePointCount(0, name.length());
        if (length > MAX_CODE_POINTS) {
            throw new MemberRuleViolation(field, "must have at most " + MAX_CODE_POINTS + " characters");
        }
        boolean valid = name.codePoints().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '·' || c == '.'
                || c == '-' || c == '\'' || Character.getType(c) == Character.NON_SPACING_MARK);
        if (!valid) {
            throw new MemberRuleViolation(field, "may contain only letters, spaces and the name separators · . - '");
        }
        return name;
    }
}
