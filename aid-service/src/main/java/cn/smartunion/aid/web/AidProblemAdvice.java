package cn.smartunion.aid.web;

import cn.smartunion.aid.approval.domain.ApprovalRefused;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.disbursement.domain.PaymentExceedsApproval;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.people.domain.AlreadyGrantedInCycle;
import cn.smartunion.contracts.aid.ApprovalLevel;
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
 * The problems particular to aid, each with a stable type a client can switch on: not eligible (422, with reason
 * codes), approval refused (403: maker-checker or approval level, with the level needed), budget exhausted (409),
 * already granted in this cycle (409), payment over the approval (409), a state the record is not in (409, with the
 * current status); rule violations on a field ({@link AidRuleViolation}) are answered by the runtime's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AidProblemAdvice {

    public static final URI NOT_ELIGIBLE = URI.create("urn:smartunion:problem:not-eligible");
    public static final URI APPROVAL_REFUSED = URI.create("urn:smartunion:problem:approval-refused");
    public static final URI BUDGET_EXHAUSTED = URI.create("urn:smartunion:problem:budget-exhausted");
    public static final URI ALREADY_GRANTED = URI.create("urn:smartunion:problem:already-granted-in-cycle");
    public static final URI PAYMENT_EXCEEDS_APPROVAL = URI.create("urn:smartunion:problem:payment-exceeds-approval");
    public static final URI STATUS_CONFLICT = URI.create("urn:smartunion:problem:aid-status-conflict");

    private final ProblemFactory problems;

    AidProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotEligible.class)
    ResponseEntity<ProblemDetail> onNotEligible(NotEligible notEligible, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, NOT_ELIGIBLE,
                zh ? "不符合项目条件" : "Not eligible for the programme",
                zh ? "申请人不符合项目 " + notEligible.programmeCode() + " 的条件：" + notEligible.reasons()
                        : "The applicant does not qualify for programme " + notEligible.programmeCode() + ": "
                        + notEligible.reasons() + ".");
        problem.setProperty("programmeCode", notEligible.programmeCode());
        problem.setProperty("reasons", notEligible.reasons());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(ApprovalRefused.class)
    ResponseEntity<ProblemDetail> onApprovalRefused(ApprovalRefused refused, HttpServletRequest request) {
        boolean zh = chinese(request);
        boolean filer = refused.reason() == ApprovalRefused.Reason.APPROVER_IS_FILER;
        String detail = filer
                ? (zh ? "审批人不能审批自己经办的记录（经办与审批分离）。" : "Whoever filed a record cannot approve it.")
                : (zh ? "该金额需由" + chineseLevel(refused.requiredLevel()) + "工会审批。"
                        : "This amount must be approved by a union at level " + refused.requiredLevel() + ".");
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, APPROVAL_REFUSED, zh ? "无权审批" : "Approval refused",
                detail);
        problem.setProperty("reason", refused.reason().name());
        if (refused.requiredLevel() != null) {
            problem.setProperty("requiredLevel", refused.requiredLevel().name());
        }
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(BudgetExhausted.class)
    ResponseEntity<ProblemDetail> onBudgetExhausted(BudgetExhausted exhausted, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = problem(HttpStatus.CONFLICT, BUDGET_EXHAUSTED, zh ? "预算不足" : "Budget exhausted",
                zh ? "该预算科目余额不足，未批准；请追加预算或选择其他科目。"
                        : "The budget line has not enough left; nothing was approved. Top it up or use another line.");
        problem.setProperty("budgetLineId", exhausted.budgetLineId());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(AlreadyGrantedInCycle.class)
    ResponseEntity<ProblemDetail> onAlreadyGranted(AlreadyGrantedInCycle granted, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = problem(HttpStatus.CONFLICT, ALREADY_GRANTED,
                zh ? "本周期已享受该项目" : "Already granted in this cycle",
                zh ? "同一人（户）在同一周期内不能重复享受项目 " + granted.programmeCode() + "。"
                        : "A person or household receives programme " + granted.programmeCode()
                        + " at most once per cycle.");
        problem.setProperty("programmeCode", granted.programmeCode());
        problem.setProperty("cycle", granted.cycle());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(PaymentExceedsApproval.class)
    ResponseEntity<ProblemDetail> onOverPayment(HttpServletRequest request) {
        boolean zh = chinese(request);
        return respond(problems.decorate(problem(HttpStatus.CONFLICT, PAYMENT_EXCEEDS_APPROVAL,
                zh ? "超出批准金额" : "Payment exceeds the approval",
                zh ? "发放金额超出已批准且未发放的金额。" : "The amount is more than is approved and still unpaid."),
                request));
    }

    @ExceptionHandler(AidStatusConflict.class)
    ResponseEntity<ProblemDetail> onStatusConflict(AidStatusConflict conflict, HttpServletRequest request) {
        boolean zh = chinese(request);
        ProblemDetail problem = problem(HttpStatus.CONFLICT, STATUS_CONFLICT,
                zh ? "当前状态不允许此操作" : "Not allowed in the record's current status",
                zh ? "记录当前状态（" + conflict.status() + "）不允许此操作。" : conflict.getMessage() + ".");
        problem.setProperty("status", conflict.status());
        return respond(problems.decorate(problem, request));
    }

    private static String chineseLevel(ApprovalLevel level) {
        return switch (level) {
            case COUNTY -> "县级";
            case CITY -> "市级";
            case PROVINCE -> "省级";
        };
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
