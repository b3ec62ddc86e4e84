package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.domain.IllegalMemberTransition;
import cn.smartunion.membership.member.domain.MemberRuleViolation;
import cn.smartunion.membership.member.domain.TransferDestinationGone;
import cn.smartunion.membership.member.domain.TransferNotOpen;
import cn.smartunion.runtime.personaldata.InvalidIdentifierException;
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
 * Problems of the member API: invalid input is a 400 naming the field; a status change the record does not allow is
 * a 409 of its own type carrying the current status; registering someone who is already a member is a 409 of its own
 * type that does not say where; a decision on a transfer that is no longer pending is a 409 of its own type carrying
 * the transfer's status (the loser of two concurrent decisions gets it).
 */
// Not limited to this package's controllers: the joining, enrolment and transfer features call the member use cases
// from their own controllers and get the same answers.
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MemberProblemAdvice {

    static final URI ALREADY_A_MEMBER = URI.create("urn:smartunion:problem:already-a-member");
    static final URI MEMBER_STATUS_CONFLICT = URI.create("urn:smartunion:problem:member-status-conflict");
    static final URI TRANSFER_CLOSED = URI.create("urn:smartunion:problem:transfer-closed");
    static final URI TRANSFER_DESTINATION_DISSOLVED =
            URI.create("urn:smartunion:problem:transfer-destination-dissolved");

    private final ProblemFactory problems;

    MemberProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MemberRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(MemberRuleViolation violation, HttpServletRequest request) {
        String message = violation.getMessage();
        if (violation.getCause() instanceof InvalidIdentifierException identifier) {
            String reason = problems.message("problem.identifier.reason." + identifier.reasonCode(), request);
            message = problems.message("problem.identifier.invalid." + identifier.identifierName(), request, reason);
        }
        return respond(problems.validation(List.of(new FieldViolation(violation.field(), message)), request));
    }

    @ExceptionHandler(IllegalMemberTransition.class)
    ResponseEntity<ProblemDetail> onIllegalTransition(IllegalMemberTransition conflict, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(MEMBER_STATUS_CONFLICT);
        problem.setTitle(zh ? "会籍状态不允许此操作" : "Not allowed in the member's current status");
        problem.setDetail(zh ? "会员当前状态（" + conflict.from().name() + "）不允许此操作。" : conflict.getMessage() + ".");
        problem.setProperty("status", conflict.from().name());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(TransferNotOpen.class)
    ResponseEntity<ProblemDetail> onTransferNotOpen(TransferNotOpen closed, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(TRANSFER_CLOSED);
        problem.setTitle(zh ? "转会已结束" : "The transfer is no longer pending");
        problem.setDetail(zh ? "该转会已办结或已失效（" + closed.status().name() + "），不能再办理。"
                : closed.getMessage() + ".");
        problem.setProperty("transferStatus", closed.status().name());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(TransferDestinationGone.class)
    ResponseEntity<ProblemDetail> onDestinationGone(TransferDestinationGone gone, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(TRANSFER_DESTINATION_DISSOLVED);
        problem.setTitle(zh ? "转入工会已撤销" : "The destination union has been dissolved");
        problem.setDetail(zh ? "转入工会已撤销，不能接收会员，请退回此转会申请。" : gone.getMessage() + ".");
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(PersonAlreadyAMember.class)
    ResponseEntity<ProblemDetail> onAlreadyAMember(HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(ALREADY_A_MEMBER);
        problem.setTitle(zh ? "已是工会会员" : "Already a member");
        problem.setDetail(zh ? "此人已是本省工会会员，不能重复登记；如需变更所在工会，请办理会员转会。"
                : "This person is already a union member in this province and cannot be registered twice; "
                        + "to change the union, request a transfer.");
        return respond(problems.decorate(problem, request));
    }

    private boolean chinese(HttpServletRequest request) {
        return "zh".equals(problems.locale(request).getLanguage());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
