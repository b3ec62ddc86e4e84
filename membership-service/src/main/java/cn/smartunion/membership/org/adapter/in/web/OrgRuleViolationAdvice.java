package cn.smartunion.membership.org.adapter.in.web;

import cn.smartunion.membership.org.domain.OrgRuleViolation;
import cn.smartunion.runtime.problem.FieldViolation;
import cn.smartunion.runtime.problem.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** A registration that breaks a rule of the tree is a validation problem naming the field. */
@RestControllerAdvice(assignableTypes = OrgController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrgRuleViolationAdvice {

    private final ProblemFactory problems;

    OrgRuleViolationAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(OrgRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(OrgRuleViolation violation, HttpServletRequest request) {
        ProblemDetail problem = problems.validation(
                List.of(new FieldViolation(violation.field(), violation.getMessage())), request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
