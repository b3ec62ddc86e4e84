package cn.smartunion.contracts;

import java.util.regex.Pattern;

/**
 * The correlation id the gateway gives every request and every service echoes in its response, logs and problems.
 * One rule on both sides, so the id a client sees in a header is the one in the problem body and in every log.
 */
public final class RequestIdHeader {

    public static final String NAME = "X-Request-Id";

    // a caller-chosen id ends up in logs and downstream headers: short, and nothing to inject or forge lines with
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,63}");

    private RequestIdHeader() {
    }

    /** Whether an id offered by the caller is kept (8 to 64 characters of a token alphabet) rather than replaced. */
    public static boolean isAcceptable(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches();
    }
}
