package cn.smartunion.runtime.personaldata;

/**
 * Display masks for personal data (GB/T 39786 style). Every method accepts null (giving null) and never returns more
 * of the value than its rule keeps, even for input of an unexpected length.
 */
public final class Masking {

    private static final char STAR = '*';

    private Masking() {
    }

    /** First 4 and last 4 characters kept: {@code 4203**********123X}. Shorter than 12 characters: all starred. */
    public static String citizenIdNumber(String value) {
        return keepEnds(value, 4, 4);
    }

    /** First 3 and last 4 digits kept: {@code 138****5678}. Shorter than 11 characters: all starred. */
    public static String mobilePhone(String value) {
        return keepEnds(value, 3, 4);
    }

    /** Only the last 4 digits kept, spaces removed: {@code ************1234}. Shorter than 8 digits: all starred. */
    public static String bankCard(String value) {
        if (value == null) {
            return null;
        }
        return keepEnds(value.replace(" ", ""), 0, 4);
    }

    /**
     * A personal name with only its first and (from three characters on) last character shown: 张三 becomes 张*,
     * 张小三 becomes 张*三, 欧阳小明 becomes 欧**明, a single character becomes *. Counts code points, so rare
     * characters outside the BMP count as one.
     */
    public static String personalName(String value) {
        if (value == null) {
            return null;
        }
        int[] chars = value.strip().codePoints().toArray();
        StringBuilder masked = new StringBuilder();
        if (chars.length <= 1) {
            return chars.length == 0 ? "" : String.valueOf(STAR);
        }
        masked.appendCodePoint(chars[0]);
        if (chars.length == 2) {
            return masked.append(STAR).toString();
        }
        masked.append(String.valueOf(STAR).repeat(chars.length - 2));
        return masked.appendCodePoint(chars[chars.length - 1]).toString();
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.length();
        // at least four characters stay hidden, or nothing is shown
        if (length < head + tail + 4) {
            return String.valueOf(STAR).repeat(length);
        }
        return trimmed.substring(0, head) + String.valueOf(STAR).repeat(length - head - tail)
                + trimmed.substring(length - tail);
    }
}
