package cn.smartunion.membership.enrolment.adapter.in.web;

import cn.smartunion.membership.enrolment.application.RosterTooLarge;
import cn.smartunion.membership.enrolment.application.roster.RosterFileProblem;
import cn.smartunion.membership.enrolment.domain.EnrolmentRuleViolation;
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
 * A roster that cannot be imported as a whole is a 400 naming what is wrong with the file (field {@code file},
 * property {@code reason}); one above the size limit a 413; a request without a member register to enrol into a
 * 503.
 */
@RestControllerAdvice(assignableTypes = EnrolmentJobController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EnrolmentProblemAdvice {

    private final ProblemFactory problems;
    private final EnrolmentMessages messages;

    EnrolmentProblemAdvice(ProblemFactory problems, EnrolmentMessages messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @ExceptionHandler(RosterFileProblem.class)
    ResponseEntity<ProblemDetail> unusableRoster(RosterFileProblem problem, HttpServletRequest request) {
        String message = messages.get("enrolment.file." + problem.kind().name(), messages.locale(request),
                problem.arguments().toArray());
        ProblemDetail detail = problems.validation(List.of(new FieldViolation("file", message)), request);
        detail.setDetail(message);
        detail.setProperty("reason", problem.kind().name());
        return respond(detail);
    }

    @ExceptionHandler(RosterTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(RosterTooLarge tooLarge, HttpServletRequest request) {
        return respond(problems.create(ProblemType.PAYLOAD_TOO_LARGE,
                messages.get("enrolment.file.TOO_LARGE", messages.locale(request), tooLarge.limitBytes()), request));
    }

    @ExceptionHandler(EnrolmentRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(EnrolmentRuleViolation violation, HttpServletRequest request) {
        return respond(problems.validation(List.of(new FieldViolation(violation.field(), violation.getMessage())),
                request));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
