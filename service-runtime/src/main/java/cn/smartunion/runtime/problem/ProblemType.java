package cn.smartunion.runtime.problem;

import java.net.URI;

/**
 * The kinds of problem every service reports. Each kind has a stable {@code type} URI that clients may switch on; the
 * URIs are part of the public HTTP contract and never change meaning.
 */
public enum ProblemType {

    /** The request was readable but its content breaks a rule: see the {@code violations} property. */
    VALIDATION("validation", 400),
    /** The request could not be read or bound (bad JSON, unknown property, wrong type, missing parameter). */
    MALFORMED_REQUEST("malformed-request", 400),
    UNAUTHENTICATED("unauthenticated", 401),
    FORBIDDEN("forbidden", 403),
    /** Also returned for records that exist outside the caller's org scope, so existence is not revealed. */
    NOT_FOUND("not-found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    CONFLICT("conflict", 409),
    /** A conditional request ({@code If-Match}) names a version the resource no longer has. */
    PRECONDITION_FAILED("precondition-failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    /** The request must be conditional ({@code If-Match} with the version from the {@code ETag}) and is not. */
    PRECONDITION_REQUIRED("precondition-required", 428),
    TOO_MANY_REQUESTS("too-many-requests", 429),
    INTERNAL_ERROR("internal-error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", 503),
    /** Any other status; the problem carries the actual status code. */
    REQUEST_FAILED("request-failed", 0),
    /**
     * An {@code Idempotency-Key} already used by the same caller for the same method and path with a different
     * request (another body, query or content type). The client must use a new key for a new request.
     */
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    /**
     * The first request with this {@code Idempotency-Key} is still running; retry after {@code Retry-After} seconds
     * to get its response.
     */
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", 409);

    static final String URN_PREFIX = "urn:smartunion:problem:";

    private final String slug;
    private final int defaultStatus;
    private final URI uri;

    ProblemType(String slug, int defaultStatus) {
        this.slug = slug;
        this.defaultStatus = defaultStatus;
        this.uri = URI.create(URN_PREFIX + slug);
    }

    /** The stable {@code type} member, e.g. {@code urn:smartunion:problem:validation}. */
    public URI uri() {
        return uri;
    }

    /** The short name used in the URI and in message keys, e.g. {@code not-found}. */
    public String slug() {
        return slug;
    }

    /** The status this kind is answered with; {@code 0} for {@link #REQUEST_FAILED}, whose status varies. */
    public int defaultStatus() {
        return defaultStatus;
    }

    /**
     * The kind used for a bare HTTP status (400 maps to {@link #MALFORMED_REQUEST}); kinds that name one specific
     * cause ({@link #VALIDATION}, the idempotency kinds) are never guessed from a status.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.defaultStatus == status && type.generic()) {
                return type;
            }
        }
        return REQUEST_FAILED;
    }

    private boolean generic() {
        return this != VALIDATION && this != IDEMPOTENCY_KEY_REUSED && this != IDEMPOTENCY_KEY_IN_PROGRESS;
    }
}
