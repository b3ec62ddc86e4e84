package cn.smartunion.runtime.problem;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import cn.smartunion.contracts.RequestIdHeader;

/**
 * The correlation id of a request: taken from an {@code X-Request-Id} header set upstream (the gateway) when
 * {@link RequestIdHeader} accepts it, otherwise generated. It is echoed in the response header, put in the logging MDC under
 * {@value #MDC_KEY} and carried by every problem as {@code requestId}, so a user's error report can be matched to the
 * log line.
 */
public final class RequestIds {

    public static final String HEADER = RequestIdHeader.NAME;

    public static final String MDC_KEY = "requestId";

    static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

    private RequestIds() {
    }

    /** The id of this request, assigning one on first use. */
    public static String of(HttpServletRequest request) {
        Object existing = request.getAttribute(ATTRIBUTE);
        if (existing instanceof String id) {
            return id;
        }
        String header = request.getHeader(HEADER);
        String id = RequestIdHeader.isAcceptable(header) ? header : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }
}
