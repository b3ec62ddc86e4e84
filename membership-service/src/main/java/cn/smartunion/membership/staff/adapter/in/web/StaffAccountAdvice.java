package cn.smartunion.membership.staff.adapter.in.web;

import java.util.List;

import cn.smartunion.membership.staff.application.IdentityProviderUnavailable;
import cn.smartunion.membership.staff.application.IdentityRejected;
import cn.smartunion.membership.staff.domain.RoleNotHeld;
import cn.smartunion.membership.staff.domain.StaffAccountRuleViolation;
import cn.smartunion.membership.staff.domain.StaffAccountStateConflict;
import cn.smartunion.membership.staff.domain.StaffAccounts;
import cn.smartunion.runtime.problem.FieldViolation;
import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Staff account outcomes as problems: Keycloak unavailable is 503 with Retry-After, never a 500. */
@RestControllerAdvice(assignableTypes = StaffAccountController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class StaffAccountAdvice {

    private static final Logger log = LoggerFactory.getLogger(StaffAccountAdvice.class);

    private final ProblemFactory problems;

    StaffAccountAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IdentityProviderUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(IdentityProviderUnavailable unavailable, HttpServletRequest request) {
        log.warn("staff account request answered 503: {}{}", unavailable.getMessage(),
                unavailable.getCause() == null ? "" : " (" + unavailable.getCause().getMessage() + ")");
        ProblemDetail problem = problems.create(ProblemType.SERVICE_UNAVAILABLE, unavailable.getMessage(), request);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        unavailable.retryAfter().ifPresent(after ->
                response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, after.toSeconds()))));
        return response.body(problem);
    }

    @ExceptionHandler(RoleNotHeld.class)
    ResponseEntity<ProblemDetail> roleNotHeld(RoleNotHeld notHeld, HttpServletRequest request) {
        return respond(problems.create(ProblemType.FORBIDDEN, notHeld.getMessage(), request));
    }

    @ExceptionHandler(StaffAccountStateConflict.class)
    ResponseEntity<ProblemDetail> conflict(StaffAccountStateConflict conflict, HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT, conflict.getMessage(), request));
    }

    @ExceptionHandler(StaffAccounts.StaleRecord.class)
    ResponseEntity<ProblemDetail> stale(HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT,
                problems.message("problem.conflict.concurrent-modification", request), request));
    }

    @ExceptionHandler(StaffAccountRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(StaffAccountRuleViolation violation, HttpServletRequest request) {
        return respond(problems.validation(List.of(new FieldViolation(violation.field(), violation.getMessage())),
                request));
    }

    @ExceptionHandler(IdentityRejected.class)
    ResponseEntity<ProblemDetail> rejected(IdentityRejected rejected, HttpServletRequest request) {
        return respond(problems.validation(List.of(new FieldViolation(rejected.field(), rejected.getMessage())),
                request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
