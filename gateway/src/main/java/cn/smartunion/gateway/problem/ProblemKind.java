package cn.smartunion.gateway.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The errors the gateway itself answers, each with a stable problem type. Titles and details are localised
 * from {@code messages/problems*.properties} under {@code problem.<slug>.title|detail}.
 */
public enum ProblemKind {

    TOKEN_MISSING(HttpStatus.UNAUTHORIZED, "token-missing"),
    TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "token-invalid"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request"),
    REQUEST_REJECTED(HttpStatus.BAD_REQUEST, "request-rejected"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found"),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable"),
    UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout"),
    AUTHENTICATION_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");

    /** The same URN namespace as the services' problems (service-runtime), so clients see one family of types. */
    static final String TYPE_PREFIX = "urn:smartunion:problem:";

    private final HttpStatus status;
    private final String slug;

    ProblemKind(HttpStatus status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    String titleKey() {
        return "problem." + slug + ".title";
    }

    String detailKey() {
        return "problem." + slug + ".detail";
    }
}
