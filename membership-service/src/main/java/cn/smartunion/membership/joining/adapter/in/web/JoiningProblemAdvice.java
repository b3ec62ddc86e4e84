package cn.smartunion.membership.joining.adapter.in.web;

import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.IllegalApplicationTransition;
import cn.smartunion.membership.joining.domain.JoinCodeRejected;
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
 * Problems of the joining API with a type of their own: a decision the application's status does not allow (409,
 * with the current status), an open application for the same person or account (409, saying neither which nor
 * where), an expired join code (410). Invalid input is the member feature's 400 ({@code MemberRuleViolation}).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class JoiningProblemAdvice {

    static final URI APPLICATION_STATUS_CONFLICT = URI.create("urn:smartunion:problem:application-status-conflict");
    static final URI APPLICATION_ALREADY_OPEN = URI.create("urn:smartunion:problem:application-already-open");
    static final URI JOIN_CODE_EXPIRED = URI.create("urn:smartunion:problem:join-code-expired");

    private final ProblemFactory problems;

    JoiningProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(IllegalApplicationTransition.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalApplicationTransition conflict,
                                                      HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = problem(HttpStatus.CONFLICT, APPLICATION_STATUS_CONFLICT,
                zh ? "申请状态不允许此操作" : "Not allowed in the application's current status",
                zh ? "入会申请当前状态（" + conflict.from().name() + "）不允许此操作。" : conflict.getMessage() + ".");
        problem.setProperty("status", conflict.from().name());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(Applications.OpenApplicationExists.class)
    ResponseEntity<ProblemDetail> onAlreadyOpen(HttpServletRequest request) {
        boolean zh = chinese(request);
        return respond(problems.decorate(problem(HttpStatus.CONFLICT, APPLICATION_ALREADY_OPEN,
                zh ? "已有待处理的入会申请" : "An application is already open",
                zh ? "此人或此账号已有一份待处理的入会申请；请等待审核结果，或先撤回该申请。"
                        : "This person or account already has an application awaiting a decision; wait for it, "
                                + "or withdraw it first."), request));
    }

    @ExceptionHandler(JoinCodeRejected.class)
    ResponseEntity<ProblemDetail> onJoinCodeExpired(JoinCodeRejected rejected, HttpServletRequest request) {
        boolean zh = chinese(request);
        if (rejected.reason() != JoinCodeRejected.Reason.EXPIRED) {
            return respond(problems.forStatus(HttpStatus.NOT_FOUND.value(), request));
        }
        return respond(problems.decorate(problem(HttpStatus.GONE, JOIN_CODE_EXPIRED,
                zh ? "入会二维码已失效" : "Join code expired",
                zh ? "此入会二维码已过期或所属工会已不再接收会员；请扫描最新的二维码。"
                        : "This join code has expired or its union no longer takes members; scan a current code."),
                request));
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(type);
        problem.setTitle(title);
        problem.setDetail(detail);
        return problem;
    }

    private boolean chinese(HttpServletRequest request) {
        return "zh".equals(problems.locale(request).getLanguage());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
