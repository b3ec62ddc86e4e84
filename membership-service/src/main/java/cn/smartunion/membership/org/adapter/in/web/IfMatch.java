package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.runtime.problem.PreconditionRequiredException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking over HTTP: every organisation response carries {@code ETag: "<revision>"}, and a change names
 * the revision it was computed from in {@code If-Match}. Only a strong tag with a revision number is understood.
 */
final class IfMatch {

    static final String HEADER = "If-Match";

    private static final Pattern REVISION = Pattern.compile("\\s*\"([0-9]{1,18})\"\\s*");

    private IfMatch() {
    }

    /** For replacing the record: lost updates are not an option, so the header must name a revision. */
    static long required(String header) {
        Long revision = optional(header);
        if (revision == null) {
            throw new PreconditionRequiredException(
                    "send If-Match with the ETag of the organisation you read, e.g. If-Match: \"3\"");
        }
        return revision;
    }

    /** For commands (move, dissolve): checked when given; {@code *} (any current revision) checks nothing. */
    static Long optional(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = REVISION.matcher(header);
        if (!matcher.matches()) {
            throw new Invalid();
        }
        return Long.parseLong(matcher.group(1));
    }

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** The header is not one quoted revision number; answered as a malformed request naming the header. */
    static final class Invalid extends RuntimeException {
        Invalid() {
            super("If-Match must be the ETag of the organisation, one quoted revision number such as \"3\"");
        }
    }
}
