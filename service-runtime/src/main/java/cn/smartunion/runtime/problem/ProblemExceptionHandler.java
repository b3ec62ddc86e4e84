package cn.smartunion.runtime.problem;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;

import cn.smartunion.runtime.personaldata.InvalidIdentifierException;
import org.jspecify.annotations.Nullable;
import cn.smartunion.runtime.personaldata.LogRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.util.DisconnectedClientHelper;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns every exception that leaves a controller into an RFC 9457 problem ({@code application/problem+json}).
 *
 * <p>Ordered last: a service's own {@code @RestControllerAdvice} (any order, including none, since services register
 * before auto-configuration) is asked first and wins for the exceptions it handles; this advice answers the rest.
 * Bodies never carry a stack trace, an exception class name, a rejected value or an internal message: unexpected
 * failures are logged with the request id the client sees, identifiers in their messages masked ({@link
 * cn.smartunion.runtime.personaldata.LogRedaction}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemFactory problems;

    public ProblemExceptionHandler(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Object> notFound(NotFoundException ex, HttpServletRequest request) {
        return respond(problems.create(ProblemType.NOT_FOUND, ex.getMessage(), request));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<Object> conflict(ConflictException ex, HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT, ex.getMessage(), request));
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> preconditionFailed(PreconditionFailedException ex, HttpServletRequest request) {
        return respond(problems.create(ProblemType.PRECONDITION_FAILED, ex.getMessage(), request));
    }

    @ExceptionHandler(PreconditionRequiredException.class)
    ResponseEntity<Object> preconditionRequired(PreconditionRequiredException ex, HttpServletRequest request) {
        return respond(problems.create(ProblemType.PRECONDITION_REQUIRED, ex.getMessage(), request));
    }

    // The messages of these two name collections, indexes and key values: never shown.
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Object> concurrentModification(HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT,
                problems.message("problem.conflict.concurrent-modification", request), request));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT,
                problems.message("problem.conflict.duplicate", request), request));
    }

    @ExceptionHandler(FieldRuleViolation.class)
    ResponseEntity<Object> fieldRuleViolation(FieldRuleViolation ex, HttpServletRequest request) {
        return respond(problems.validation(List.of(new FieldViolation(ex.field(), ex.getMessage())), request));
    }

    @ExceptionHandler(InvalidIdentifierException.class)
    ResponseEntity<Object> invalidIdentifier(InvalidIdentifierException ex, HttpServletRequest request) {
        return respond(problems.validation(List.of(identifierViolation(ex, null, request)), request));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolations(ConstraintViolationException ex, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
            violations.add(new FieldViolation(FieldPaths.of(violation.getPropertyPath()), violation.getMessage()));
        }
        return respond(problems.validation(violations, request));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> accessDenied(HttpServletRequest request) {
        return respond(problems.create(ProblemType.FORBIDDEN, request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(HttpServletRequest request) {
        return respond(problems.create(ProblemType.UNAUTHENTICATED, request));
    }

    /** A controller that reads the body stream itself meets the limit directly, not through the JSON reader. */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<Object> tooLarge(RequestBodyTooLargeException ex, HttpServletRequest request) {
        return respond(tooLargeProblem(ex, request));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request,
            @Nullable HttpServletResponse response) {
        if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
            // the client hung up mid-download: nobody to answer, and nothing failed on our side
            log.info("Client went away before the response was complete, requestId={}", RequestIds.of(request));
            return null;
        }
        log.error("Unhandled exception answered with 500, requestId={}", RequestIds.of(request),
                LogRedaction.redact(ex));
        if (response != null && response.isCommitted()) {
            return null;
        }
        return respond(problems.create(ProblemType.INTERNAL_ERROR, request));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ObjectError error : ex.getBindingResult().getAllErrors()) {
            violations.add(violation(error));
        }
        return handleExceptionInternal(ex, problems.validation(violations, servlet(request)), headers, status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a failed return-value validation is the service's bug, not the client's
        if (ex.isForReturnValue()) {
            return unexpected(ex, servlet(request), ((ServletWebRequest) request).getResponse());
        }
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors errors) {
                errors.getAllErrors().forEach(error -> violations.add(violation(error)));
                continue;
            }
            String parameter = FieldPaths.bounded(parameterName(result));
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                violations.add(new FieldViolation(parameter, error.getDefaultMessage()));
            }
        }
        for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
            violations.add(new FieldViolation("", error.getDefaultMessage()));
        }
        return handleExceptionInternal(ex, problems.validation(violations, servlet(request)), headers, status,
                request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        RequestBodyTooLargeException tooLarge = causeOf(ex, RequestBodyTooLargeException.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, tooLargeProblem(tooLarge, servletRequest), headers,
                    HttpStatusCode.valueOf(413), request);
        }
        return handleExceptionInternal(ex, unreadableBodyProblem(ex, servletRequest), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName();
        return fieldProblem(ex, field, "problem.field.wrong-type", headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex, ex.getParameterName(), "problem.field.required", headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return fieldProblem(ex, ex.getRequestPartName(), "problem.field.required", headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        if (ex instanceof MissingRequestHeaderException header) {
            field = header.getHeaderName();
        }
        else if (ex instanceof MissingRequestCookieException cookie) {
            field = cookie.getCookieName();
        }
        return fieldProblem(ex, field, "problem.field.required", headers, status, request);
    }

    /**
     * Every Spring MVC exception ends here: a problem built above is kept, anything else (Spring's own
     * {@code about:blank} bodies) is replaced by the suite's problem for the status.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest servletRequest && servletRequest.getResponse() != null
                && servletRequest.getResponse().isCommitted()) {
            return null;
        }
        HttpServletRequest servletRequest = servlet(request);
        ProblemDetail problem;
        if (body instanceof ProblemDetail detail && detail.getType().toString().startsWith(ProblemType.URN_PREFIX)) {
            problem = detail;
        }
        else {
            problem = problems.forStatus(statusCode.value(), servletRequest);
            if (ex instanceof ResponseStatusException statusException && statusException.getReason() != null
                    && !(ex instanceof HandlerMethodValidationException)) {
                problem.setDetail(statusException.getReason());
            }
        }
        if (statusCode.is5xxServerError()) {
            log.error("Request failed with {}, requestId={}", statusCode.value(), RequestIds.of(servletRequest),
                    LogRedaction.redact(ex));
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.addAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(problem.getStatus()).headers(responseHeaders).body(problem);
    }

    private ResponseEntity<Object> fieldProblem(Exception ex, @Nullable String field, String messageCode,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        HttpServletRequest servletRequest = servlet(request);
        List<FieldViolation> violations = field == null ? List.of()
                : List.of(new FieldViolation(FieldPaths.bounded(field), problems.message(messageCode, servletRequest)));
        return handleExceptionInternal(ex, problems.malformedRequest(null, violations, servletRequest), headers,
                status, request);
    }

    private ProblemDetail unreadableBodyProblem(HttpMessageNotReadableException ex, HttpServletRequest request) {
        JacksonException json = causeOf(ex, JacksonException.class);
        String field = json != null ? FieldPaths.of(json) : null;
        InvalidIdentifierException identifier = causeOf(ex, InvalidIdentifierException.class);
        if (identifier != null) {
            return problems.validation(List.of(identifierViolation(identifier, field, request)), request);
        }
        if (json == null) {
            return problems.malformedRequest(problems.message("problem.malformed-request.unreadable-body", request),
                    List.of(), request);
        }
        if (json instanceof StreamReadException) {
            return problems.malformedRequest(problems.message("problem.malformed-request.invalid-json", request),
                    List.of(), request);
        }
        if (field == null) {
            return problems.malformedRequest(problems.message("problem.malformed-request.unexpected-structure",
                    request), List.of(), request);
        }
        String messageCode = "problem.field.wrong-type";
        if (json instanceof PropertyBindingException) {
            messageCode = "problem.field.unknown";
        }
        else if (json instanceof InvalidNullException) {
            messageCode = "problem.field.required";
        }
        else if (json instanceof ValueInstantiationException) {
            messageCode = "problem.field.invalid";
        }
        return problems.malformedRequest(null, List.of(new FieldViolation(field, problems.message(messageCode,
                request))), request);
    }

    private FieldViolation identifierViolation(InvalidIdentifierException ex, @Nullable String field,
            HttpServletRequest request) {
        String reason = problems.message("problem.identifier.reason." + ex.reasonCode(), request);
        String message = problems.message("problem.identifier.invalid." + ex.identifierName(), request, reason);
        return new FieldViolation(field != null ? field : ex.identifierName(), message);
    }

    private ProblemDetail tooLargeProblem(RequestBodyTooLargeException ex, HttpServletRequest request) {
        return problems.create(ProblemType.PAYLOAD_TOO_LARGE,
                problems.message("problem.payload-too-large.limit", request, ex.limitBytes()), request);
    }

    private static FieldViolation violation(ObjectError error) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        return new FieldViolation(FieldPaths.bounded(field), error.getDefaultMessage());
    }

    private static String parameterName(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name != null ? name : "arg" + result.getMethodParameter().getParameterIndex();
    }

    private ResponseEntity<Object> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpServletRequest servlet(WebRequest request) {
        return ((ServletWebRequest) request).getRequest();
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
