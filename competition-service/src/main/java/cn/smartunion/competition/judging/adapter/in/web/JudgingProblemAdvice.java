package cn.smartunion.competition.judging.adapter.in.web;

import cn.smartunion.competition.judging.application.ScoreFinal;
import cn.smartunion.competition.judging.domain.ConflictOfInterest;
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
 * Judging's problems: a judge scoring an entry they are excluded from (403 {@code conflict-of-interest} with
 * {@code reason} SAME_UNION, SAME_EMPLOYER, OWN_ENTRY or RECUSED) and a changed value for a recorded score (409
 * {@code score-final} with the criterion and the ledger seq of the recorded score).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class JudgingProblemAdvice {

    static final URI CONFLICT_OF_INTEREST = URI.create("urn:smartunion:problem:conflict-of-interest");
    static final URI SCORE_FINAL = URI.create("urn:smartunion:problem:score-final");

    private final ProblemFactory problems;

    JudgingProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ConflictOfInterest.Excluded.class)
    ResponseEntity<ProblemDetail> onExcluded(ConflictOfInterest.Excluded excluded, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setType(CONFLICT_OF_INTEREST);
        problem.setTitle(zh ? "评委须回避" : "Conflict of interest");
        problem.setDetail(zh ? "该评委须回避此参赛作品（" + excluded.reason() + "）。"
                : "The judge is excluded from scoring this entry (" + excluded.reason() + ").");
        problem.setProperty("reason", excluded.reason().name());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(ScoreFinal.class)
    ResponseEntity<ProblemDetail> onScoreFinal(ScoreFinal scoreFinal, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(SCORE_FINAL);
        problem.setTitle(zh ? "评分已提交，不可更改" : "The score is final");
        problem.setDetail(zh ? "评分一经提交不可更改，如有异议请通过申诉更正。"
                : "A submitted score cannot be changed; corrections go through an appeal.");
        problem.setProperty("criterion", scoreFinal.criterion());
        problem.setProperty("ledgerSeq", scoreFinal.ledgerSeq());
        return respond(problems.decorate(problem, request));
    }

    private boolean zh(HttpServletRequest request) {
        return "zh".equals(problems.locale(request).getLanguage());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
