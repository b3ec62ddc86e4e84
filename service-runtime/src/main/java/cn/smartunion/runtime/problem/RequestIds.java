package cn.smartunion.runtime.problem;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The correlation id of a request: taken from an {@code X-Request-Id} header set upstream (the gateway) when it looks
 * like an id, otherwise generated. It is echoed in the response header, put in the logging MDC under
 * {@value #MDC_KEY} and carried by every problem as {@code requestId}, so a user's error report can be matched to the
 * log line.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";

    public static final String MDC_KEY = "requestId";

    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    // Anything else (too long, odd characters) could be used to forge or flood log lines, so it is replaced.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

    private RequestIds() {
    }

    /** The id of this request, assigning one on first use. */
    public static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        String header = request.getHeader(HEADER);
        String id = header != null && ACCEPTABLE.matcher(header).matches() ? header : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
