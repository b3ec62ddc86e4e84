package cn.smartunion.gateway.problem;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code requestId} is an extension member that lets a caller quote the
 * request to operators.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String requestId) {

    /** RFC 9457 §4.2.1: a problem with no semantics beyond its status code. */
    public static final URI BLANK_TYPE = URI.create("about:blank");
}
