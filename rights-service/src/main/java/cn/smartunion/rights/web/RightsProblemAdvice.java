package cn.smartunion.rights.web;

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

/**
 * The problem particular to rights: a state the record is not in (409 {@code rights-status-conflict} with the current
 * status). Rule violations on a field ({@link RightsRuleViolation}, e.g. an invalid unified social credit code) are
 * answered by the runtime's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RightsProblemAdvice {

    public static final URI STATUS_CONFLICT = URI.create("urn:smartunion:problem:rights-status-conflict");

    private final ProblemFactory problems;

    RightsProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
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
