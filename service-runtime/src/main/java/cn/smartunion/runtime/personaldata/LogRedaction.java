package cn.smartunion.runtime.personaldata;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps identifiers out of logs that are written from messages we do not control, such as an unexpected exception
 * from a driver or library: citizen ID numbers, bank-card numbers and mobile numbers found in the text are masked.
 * Our own code never puts personal data into messages; this is the net under third-party ones.
 */
public final class LogRedaction {

    private static final Pattern CITIZEN_ID = Pattern.compile("(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern BANK_CARD = Pattern.compile("(?<![0-9])[0-9]{16,19}(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    /** Causes nested deeper than this are cut off rather than followed (and cycles end here too). */
    private static final int MAX_CAUSES = 16;

    private LogRedaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = replace(CITIZEN_ID, text, Masking::citizenIdNumber);
        redacted = replace(BANK_CARD, redacted, Masking::bankCard);
        return replace(MOBILE, redacted, Masking::mobilePhone);
    }

    /**
     * A copy of {@code failure} and its causes for logging: same types (named in the message), same stack traces,
     * messages redacted.
     */
    public static Throwable redact(Throwable failure) {
        return failure == null ? null : copy(failure, 0);
    }

    private static Throwable copy(Throwable failure, int depth) {
        Throwable cause = failure.getCause();
        Throwable causeCopy = cause != null && cause != failure && depth < MAX_CAUSES ? copy(cause, depth + 1) : null;
        RedactedFailure copy = new RedactedFailure(
                failure.getClass().getName() + ": " + redact(failure.getMessage()), causeCopy);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> mask) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(mask.apply(matcher.group())));
        }
        return matcher.appendTail(result).toString();
    }

    /** Stands in for the original failure in a log line; its message starts with the original type. */
    static final class RedactedFailure extends RuntimeException {

        RedactedFailure(String message, Throwable cause) {
            super(message, cause, false, true);
        }
    }
}
