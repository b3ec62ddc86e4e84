package cn.smartunion.rights.web;

import cn.smartunion.runtime.problem.FieldViolation;
import cn.smartunion.runtime.problem.ProblemFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;

/**
 * The problems particular to rights: a rule broken by a field (400 {@code validation} naming it, e.g. an invalid
 * unified social credit code) and a state the record is not in (409 {@code rights-status-conflict} with the current
 * status).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RightsProblemAdvice {

    public static final URI STATUS_CONFLICT = URI.create("urn:smartunion:problem:rights-status-conflict");

    private final ProblemFactory problems;

    RightsProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(RightsRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(RightsRuleViolation violation, HttpServletRequest request) {
        return respond(problems.validation(List.of(new FieldViolation(violation.field(), violation.getMessage())),
                request));
    }

    @ExceptionHandler(RightsStatusConflict.class)
    ResponseEntity<ProblemDetail> onStatusConflict(RightsStatusConflict conflict, HttpServletRequest request) {
        boolean zh = "zh".equals(problems.locale(request).getLanguage());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(STATUS_CONFLICT);
        problem.setTitle(zh ? "当前状态不允许此操作" : "Not allowed in the record's current status");
        problem.setDetail(zh ? "记录当前状态（" + conflict.status() + "）不允许此操作。" : conflict.getMessage() + ".");
        problem.setProperty("status", conflict.status());
        return respond(problems.decorate(problem, request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
