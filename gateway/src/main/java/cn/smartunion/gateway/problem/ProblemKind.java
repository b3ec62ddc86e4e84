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
    ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN, "origin-not-allowed"),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited"),
    /** A {@link #RATE_LIMITED} whose detail says why: the partner client has as many requests in flight as it may. */
    TOO_MANY_CONCURRENT_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "concurrent-requests"),
    QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "quota-exceeded"),
    UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable"),
    /** An {@link #UPSTREAM_UNAVAILABLE} whose detail says why: the route has as many calls in flight as it allows. */
    UPSTREAM_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "upstream-busy"),
    UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout"),
    AUTHENTICATION_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error");

    /**
     * The services' namespace (service-runtime's {@code ProblemType}). Kinds only the edge answers keep their own names
     * ({@code token-missing}, {@code token-invalid}, {@code upstream-unavailable}, {@code upstream-timeout},
     * {@code authentication-unavailable}, {@code request-rejected}, {@code origin-not-allowed}, {@code payload-too-large},
     * {@code rate-limited}, {@code quota-exceeded}); {@code not-found}, {@code forbidden} and
     * {@code internal-error} mean the same on both sides.
     */
    static final String TYPE_PREFIX = "urn:smartunion:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String detailSlug;

    ProblemKind(HttpStatus status, String slug) {
        this(status, slug, slug);
    }

    /** A problem type ({@code slug}) and title shared with another kind, with a detail of its own. */
    ProblemKind(HttpStatus status, String slug, String detailSlug) {
        this.status = status;
        this.slug = slug;
        this.detailSlug = detailSlug;
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
        return "problem." + detailSlug + ".detail";
    }
}
