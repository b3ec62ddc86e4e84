package cn.smartunion.competition.web;

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
 * The problems particular to competitions: a state the record is not in (409 {@code competition-status-conflict} with
 * the current status) and an entrant who does not meet the rules (422 {@code not-eligible} with a reason code). Rule
 * violations on a field ({@link CompetitionRuleViolation}) are answered by the runtime's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CompetitionProblemAdvice {

    public static final URI STATUS_CONFLICT = URI.create("urn:smartunion:problem:competition-status-conflict");
    public static final URI NOT_ELIGIBLE = URI.create("urn:smartunion:problem:not-eligible");

    private final ProblemFactory problems;

    CompetitionProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(CompetitionStatusConflict.class)
    ResponseEntity<ProblemDetail> onStatusConflict(CompetitionStatusConflict conflict, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(STATUS_CONFLICT);
        problem.setTitle(zh ? "当前状态不允许此操作" : "Not allowed in the record's current status");
        problem.setDetail(zh ? "记录当前状态（" + conflict.status() + "）不允许此操作。" : conflict.getMessage() + ".");
        problem.setProperty("status", conflict.status());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(NotEligible.class)
    ResponseEntity<ProblemDetail> onNotEligible(NotEligible notEligible, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(NOT_ELIGIBLE);
        problem.setTitle(zh ? "不符合参赛条件" : "Not eligible");
        problem.setDetail(zh ? "不符合本竞赛的参赛条件（" + notEligible.reason() + "）。" : notEligible.getMessage());
        problem.setProperty("reason", notEligible.reason().name());
        if (notEligible.participant() != null) {
            problem.setProperty("participant", notEligible.participant());
        }
        return respond(problems.decorate(problem, request));
    }

    private boolean zh(HttpServletRequest request) {
        return "zh".equals(problems.locale(request).getLanguage());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
