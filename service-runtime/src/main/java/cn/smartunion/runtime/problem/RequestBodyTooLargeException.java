package cn.smartunion.runtime.problem;

import java.io.IOException;

/**
 * Thrown from the request body stream once a body of unknown length has grown past
 * {@code smartunion.http.max-request-body}. An {@link IOException} because that is what a failing stream read is;
 * answered with 413 wherever it surfaces (wrapped by the JSON reader or not).
 */
public class RequestBodyTooLargeException extends IOException {

    private final long limitBytes;

    public RequestBodyTooLargeException(long limitBytes) {
        super("Request body exceeds the limit of " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
