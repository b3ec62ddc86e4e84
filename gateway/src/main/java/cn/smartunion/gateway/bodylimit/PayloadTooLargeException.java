package cn.smartunion.gateway.bodylimit;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A request body without a declared length turned out larger than the limit while it was being read. */
public class PayloadTooLargeException extends ResponseStatusException {

    public PayloadTooLargeException(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "The request body exceeds " + maxBytes + " bytes");
    }
}
