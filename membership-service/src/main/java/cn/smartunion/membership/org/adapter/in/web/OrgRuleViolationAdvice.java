package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.membership.org.domain.OrgRuleViolation;
import cn.smartunion.membership.org.domain.OrgStateConflict;
import cn.smartunion.runtime.problem.FieldViolation;
import cn.smartunion.runtime.problem.ProblemFactory;
import cn.smartunion.runtime.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/**
 * A change that breaks a rule of the tree is a validation problem naming the field; one the organisation's state
 * does not allow (dissolved, members left) is a conflict.
 */
@RestControllerAdvice(assignableTypes = OrgController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgRuleViolationAdvice {

    private final ProblemFactory problems;

    OrgRuleViolationAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OrgRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(OrgRuleViolation violation, HttpServletRequest request) {
        return respond(problems.validation(
                List.of(new FieldViolation(violation.field(), violation.getMessage())), request));
    }

    @ExceptionHandler(OrgStateConflict.class)
    ResponseEntity<ProblemDetail> onStateConflict(OrgStateConflict conflict, HttpServletRequest request) {
        return respond(problems.create(ProblemType.CONFLICT, conflict.getMessage(), request));
    }

    @ExceptionHandler(IfMatch.Invalid.class)
    ResponseEntity<ProblemDetail> onInvalidIfMatch(IfMatch.Invalid invalid, HttpServletRequest request) {
        return respond(problems.malformedRequest(null,
                List.of(new FieldViolation(IfMatch.HEADER, invalid.getMessage())), request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
