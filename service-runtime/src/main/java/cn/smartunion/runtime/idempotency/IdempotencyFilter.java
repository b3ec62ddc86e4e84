package cn.smartunion.runtime.idempotency;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.smartunion.runtime.idempotency.IdempotencyRecords.Claim;
import cn.smartunion.runtime.idempotency.IdempotencyRecords.Scope;
import cn.smartunion.runtime.problem.FieldViolation;
import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemResponseWriter;
import cn.smartunion.runtime.problem.ProblemType;
import cn.smartunion.runtime.problem.RequestBodyTooLargeException;
import com.mongodb.MongoException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.util.StreamUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes every POST, PUT, PATCH and DELETE that carries an {@code Idempotency-Key} take effect once, and answers its
 * retries with the first response (draft-ietf-httpapi-idempotency-key-header), for every controller of the service.
 *
 * <ul>
 * <li>The key belongs to the authenticated caller (token subject and client), the method and the path; the same key
 * from another caller, or on another endpoint, is another key. Unauthenticated requests are passed on untouched:
 * without a caller there is nobody to scope the key to, and a shared key space would replay one client's response to
 * another.</li>
 * <li>The first request claims the key ({@link IdempotencyRecords}), runs, and its final response is stored before it
 * is sent. A retry with the same fingerprint ({@link RequestFingerprint}) gets the stored status, headers
 * ({@link #REPLAYED_HEADERS}) and body with {@code Idempotent-Replayed: true}; with a different fingerprint, 422
 * {@code idempotency-key-reused}.</li>
 * <li>A retry that finds the first request still running polls, with growing pauses, for up to
 * {@code in-progress-wait}, then gets 409 {@code idempotency-key-in-progress} with {@code Retry-After}.</li>
 * <li>Every final response is stored, problems included (a 400, 404 or 409 is the answer to that request), except
 * those that say "try again": 5xx, 408 and 429 release the key and the next retry runs afresh. The same holds when
 * the request fails with an exception. A body the handler marked with {@link #doNotStoreResponseBody} (a one-time
 * secret) is never stored: its retries get the status and headers only.</li>
 * </ul>
 *
 * <p>Registered after Spring Security's filter chain (the caller is known) and after the request-body limit (the
 * body read here to fingerprint it is already capped). Problems from the exception handlers are covered because the
 * filter wraps the dispatcher; a {@code sendError} is answered here with the problem the error page would give, so it
 * is stored too. Asynchronous handlers are followed into their async dispatch.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    /** The response headers a replay repeats; the rest (security headers, the request id) are the retry's own. */
    public static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE,
            HttpHeaders.CONTENT_LANGUAGE, HttpHeaders.CONTENT_LOCATION, HttpHeaders.LOCATION, HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.LINK);

    static final String RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final String EXECUTION = IdempotencyFilter.class.getName() + ".execution";

    private static final String BODY_NOT_STORED = IdempotencyFilter.class.getName() + ".bodyNotStored";

    /**
     * Marks this request's response body as one that must not be kept anywhere (a one-time secret such as a
     * temporary password): its key is completed with the status and headers only, so retries get those, like for
     * an oversized body, and the write still takes effect once. Call it from the handler before it returns.
     */
    public static void doNotStoreResponseBody(HttpServletRequest request) {
        request.setAttribute(BODY_NOT_STORED, Boolean.TRUE);
    }

    private static final long FIRST_PAUSE_MILLIS = 10;

    private static final long MAX_PAUSE_MILLIS = 200;

    enum Outcome {
        /** The request claimed its key and ran. */
        EXECUTED,
        /** A stored response was replayed. */
        REPLAYED,
        /** The request found its key in progress and waited for it (whatever happened after). */
        WAITED,
        /** Answered 409 after waiting in vain. */
        IN_PROGRESS,
        KEY_REUSED,
        INVALID_KEY,
        /** The response was not stored (5xx, 408, 429, exception) and the key was given up. */
        RELEASED,
        /** The key store could not be reached: answered 503 without running the request. */
        UNAVAILABLE
    }

    private final IdempotencyRecords records;

    private final long inProgressWaitNanos;

    private final long maxStoredBodyBytes;

    private final List<String> exemptPaths;

    private final UnaryOperator<String> fingerprintSeal;

    private final ProblemFactory problems;

    private final ProblemResponseWriter writer;

    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);

    /**
     * @param exemptPaths path prefixes never handled (the actuator's)
     * @param fingerprintSeal applied to every fingerprint before it is stored: a keyed hash, so a stored fingerprint
     *                        cannot be matched against guessed bodies (a body may hold little more than an ID number)
     */
    public IdempotencyFilter(IdempotencyRecords records, IdempotencyProperties properties, List<String> exemptPaths,
            UnaryOperator<String> fingerprintSeal, ProblemFactory problems, ProblemResponseWriter writer,
            MeterRegistry meters) {
        this.records = records;
        this.inProgressWaitNanos = properties.inProgressWait().toNanos();
        this.maxStoredBodyBytes = properties.maxStoredBody().toBytes();
        this.exemptPaths = List.copyOf(exemptPaths);
        this.fingerprintSeal = fingerprintSeal;
        this.problems = problems;
        this.writer = writer;
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("smartunion.idempotency.requests")
                .description("Writes carrying an Idempotency-Key, by what became of them")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .register(meters));
        }
    }

    /** The request's execution continues in an async dispatch, which must pass here again to be stored. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (isAsyncDispatch(request)) {
            return request.getAttribute(EXECUTION) == null;
        }
        return !WRITE_METHODS.contains(request.getMethod()) || request.getHeader(IdempotencyKeyHeader.NAME) == null
                || exempt(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            Execution execution = (Execution) request.getAttribute(EXECUTION);
            // the response here is the one the async context was started with: a wrapper of the execution's capture
            run(execution, request, response, chain);
            return;
        }
        String key;
        try {
            key = IdempotencyKeyHeader.keyOf(Collections.list(request.getHeaders(IdempotencyKeyHeader.NAME)));
        }
        catch (IllegalArgumentException invalid) {
            count(Outcome.INVALID_KEY);
            writer.write(response, problems.malformedRequest(null, List.of(new FieldViolation(
                    IdempotencyKeyHeader.NAME, problems.message("problem.idempotency-key.invalid", request))),
                    request));
            return;
        }
        String caller = callerOf(SecurityContextHolder.getContext().getAuthentication());
        Prepared prepared = caller != null ? prepare(request) : null;
        if (key == null || prepared == null) {
            chain.doFilter(request, response);
            return;
        }
        Scope scope = new Scope(caller, request.getMethod(), request.getRequestURI(), key);
        Claim claim;
        try {
            claim = awaitClaim(scope, prepared.fingerprint());
        }
        catch (MongoException | DataAccessException unavailable) {
            // without the claim the request could run twice: refuse it rather than guess
            log.warn("Idempotency-Key store unavailable, answered 503: {}", unavailable.getClass().getSimpleName());
            count(Outcome.UNAVAILABLE);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            writer.write(response, problems.create(ProblemType.SERVICE_UNAVAILABLE, request));
            return;
        }
        if (claim instanceof Claim.Acquired acquired) {
            if (acquired.takenOver()) {
                log.warn("Took over Idempotency-Key record {} whose request did not finish within its lease",
                        acquired.id());
            }
            count(Outcome.EXECUTED);
            CapturingResponse capture = new CapturingResponse(response);
            run(new Execution(acquired, capture), prepared.request(), capture, chain);
        }
        else if (claim instanceof Claim.Completed completed) {
            count(Outcome.REPLAYED);
            replay(completed.response(), response);
        }
        else if (claim instanceof Claim.KeyReused) {
            count(Outcome.KEY_REUSED);
            writer.write(response, problems.create(ProblemType.IDEMPOTENCY_KEY_REUSED, request));
        }
        else {
            count(Outcome.IN_PROGRESS);
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
            writer.write(response, problems.create(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, request));
        }
    }

    /** Runs the rest of the chain for a claimed key, then stores and sends its response (unless it went async). */
    private void run(Execution execution, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean returned = false;
        try {
            chain.doFilter(request, response);
            returned = true;
        }
        finally {
            if (!returned) {
                // the exception goes on to the container's error page; a retry may run the request again
                request.removeAttribute(EXECUTION);
                release(execution.claim());
            }
        }
        if (request.isAsyncStarted()) {
            request.setAttribute(EXECUTION, execution);
            return;
        }
        request.removeAttribute(EXECUTION);
        finish(execution, request);
    }

    private void finish(Execution execution, HttpServletRequest request) throws IOException {
        CapturingResponse capture = execution.capture();
        if (capture.errorSent()) {
            // what the container's error page (ProblemErrorController) would answer, produced here to be stored
            capture.clearErrorSent();
            writer.write(capture, problems.forStatus(capture.getStatus(), request));
        }
        int status = capture.getStatus();
        if (storable(status)) {
            store(execution.claim(), capture, status, request.getAttribute(BODY_NOT_STORED) != null);
        }
        else {
            release(execution.claim());
        }
        capture.copyBodyToResponse();
    }

    /** Responses that mean "this request is done": not 5xx, 408 or 429, which invite the client to try again. */
    static boolean storable(int status) {
        return status >= 200 && status < 500 && status != 408 && status != 429;
    }

    private void store(Claim.Acquired claim, CapturingResponse capture, int status, boolean noStore) {
        byte[] body = capture.body();
        boolean keepBody = !noStore && body.length <= maxStoredBodyBytes;
        List<StoredResponse.Header> headers = new ArrayList<>();
        for (String name : REPLAYED_HEADERS) {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                if (capture.getContentType() != null && keepBody) {
                    headers.add(new StoredResponse.Header(name, capture.getContentType()));
                }
                continue;
            }
            for (String value : capture.getHeaders(name)) {
                headers.add(new StoredResponse.Header(name, value));
            }
        }
        if (!keepBody && !noStore) {
            log.warn("Idempotency-Key record {}: the {} response body ({} bytes) exceeds "
                    + "smartunion.idempotency.max-stored-body; retries get its status and headers only", claim.id(),
                    status, body.length);
        }
        try {
            if (!records.complete(claim, new StoredResponse(status, headers, keepBody ? body : null))) {
                log.warn("Idempotency-Key record {} was taken over while its request ran (lease too short?): "
                        + "the request may have taken effect twice", claim.id());
            }
        }
        catch (MongoException | DataAccessException ex) {
            // the effect stands and the client still gets its response; a retry after the lease may run it again
            log.error("Could not store the response of Idempotency-Key record {}", claim.id(), ex);
        }
    }

    private void release(Claim.Acquired claim) {
        count(Outcome.RELEASED);
        try {
            records.release(claim);
        }
        catch (MongoException | DataAccessException ex) {
            // retries find the claim in progress until its lease runs out, then take it over
            log.error("Could not release Idempotency-Key record {}", claim.id(), ex);
        }
    }

    private Claim awaitClaim(Scope scope, String fingerprint) {
        long deadline = System.nanoTime() + inProgressWaitNanos;
        long pause = FIRST_PAUSE_MILLIS;
        Claim claim = records.claim(scope, fingerprint);
        if (claim instanceof Claim.InProgress) {
            count(Outcome.WAITED);
        }
        while (claim instanceof Claim.InProgress) {
            long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remaining <= 0) {
                break;
            }
            try {
                Thread.sleep(Math.min(pause, remaining));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            pause = Math.min(pause * 2, MAX_PAUSE_MILLIS);
            claim = records.claim(scope, fingerprint);
        }
        return claim;
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        for (StoredResponse.Header header : stored.headers()) {
            if (header.name().equals(HttpHeaders.CONTENT_TYPE)) {
                response.setContentType(header.value());
            }
            else {
                response.addHeader(header.name(), header.value());
            }
        }
        response.setHeader(IdempotencyKeyHeader.REPLAYED, "true");
        byte[] body = stored.body() != null ? stored.body() : new byte[0];
        response.setContentLength(body.length);
        if (body.length > 0) {
            response.getOutputStream().write(body);
        }
        response.flushBuffer();
    }

    /**
     * Reads what the fingerprint needs; null when the body cannot be read as its content type says (a broken
     * multipart body): the dispatcher then answers that failure itself, and a request that cannot run needs no key.
     */
    private @Nullable Prepared prepare(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType();
        String type = contentType != null ? RequestFingerprint.normalisedContentType(contentType) : "";
        HttpServletRequest forwarded = request;
        byte[] bodyDigest;
        if (type.startsWith("multipart/")) {
            try {
                bodyDigest = RequestFingerprint.partsDigest(request.getParts());
            }
            catch (RequestBodyTooLargeException tooLarge) {
                throw tooLarge;
            }
            catch (IOException | ServletException | IllegalStateException unreadable) {
                return null;
            }
        }
        else if (type.startsWith("application/x-www-form-urlencoded")) {
            bodyDigest = RequestFingerprint.formDigest(request.getParameterMap());
        }
        else {
            // capped by the request-body limit filter before this one: a too-large body fails here with 413
            byte[] body = StreamUtils.copyToByteArray(request.getInputStream());
            bodyDigest = RequestFingerprint.bodyDigest(body);
            forwarded = new CachedBodyRequest(request, body);
        }
        String fingerprint = RequestFingerprint.of(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), contentType, bodyDigest);
        return new Prepared(forwarded, fingerprintSeal.apply(fingerprint));
    }

    /**
     * Who sent the request, as the key's owner: the token subject and, for client-credentials tokens (and any token
     * issued to a client), the client id ({@code azp}); null for an anonymous request.
     */
    static @Nullable String callerOf(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                && token.getToken() instanceof Jwt jwt) {
            String subject = jwt.getSubject();
            String client = jwt.getClaimAsString("azp");
            return "sub=" + (subject != null ? subject : "") + ";azp=" + (client != null ? client : "");
        }
        return "name=" + authentication.getName();
    }

    private boolean exempt(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : exemptPaths) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
                return true;
            }
        }
        return false;
    }

    private void count(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    private record Prepared(HttpServletRequest request, String fingerprint) {
    }

    private record Execution(Claim.Acquired claim, CapturingResponse capture) {
    }
}
