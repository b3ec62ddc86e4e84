package cn.smartunion.competition.results.adapter.in.web;

import cn.smartunion.competition.results.domain.AppealWindowClosed;
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

/** An appeal after the deadline: 409 {@code appeal-window-closed} with the {@code appealDeadline}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ResultsProblemAdvice {

    static final URI APPEAL_WINDOW_CLOSED = URI.create("urn:smartunion:problem:appeal-window-closed");

    private final ProblemFactory problems;

    ResultsProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(AppealWindowClosed.class)
    ResponseEntity<ProblemDetail> onWindowClosed(AppealWindowClosed closed, HttpServletRequest request) {
        boolean zh = "zh".equals(problems.locale(request).getLanguage());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(APPEAL_WINDOW_CLOSED);
        problem.setTitle(zh ? "申诉期已过" : "The appeal window has closed");
        problem.setDetail(zh ? "申诉须在成绩公示后的申诉期内提出。" : "Appeals are accepted until the appeal deadline.");
        problem.setProperty("appealDeadline", closed.appealDeadline().toString());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.decorate(problem, request));
    }
}
