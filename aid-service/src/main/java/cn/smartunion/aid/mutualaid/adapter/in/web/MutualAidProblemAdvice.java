package cn.smartunion.aid.mutualaid.adapter.in.web;

import cn.smartunion.aid.mutualaid.domain.ClaimRefused;
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

/** A claim refused as filed: 422 {@code claim-refused} with a stable {@code reason} ({@code ClaimRejectionReason}). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MutualAidProblemAdvice {

    static final URI CLAIM_REFUSED = URI.create("urn:smartunion:problem:claim-refused");

    private final ProblemFactory problems;

    MutualAidProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(ClaimRefused.class)
    ResponseEntity<ProblemDetail> onClaimRefused(ClaimRefused refused, HttpServletRequest request) {
        boolean zh = "zh".equals(problems.locale(request).getLanguage());
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(CLAIM_REFUSED);
        problem.setTitle(zh ? "互助金申领不予受理" : "Claim refused");
        problem.setDetail(zh ? switch (refused.reason()) {
            case NOT_ENROLLED_ON_ILLNESS_DATE -> "发病日期不在参保保障期内。";
            case DISEASE_NOT_COVERED -> "发病日期适用的互助计划版本不包含该病种。";
            default -> "申领不符合互助计划规定。";
        } : "The claim cannot be accepted: " + refused.getMessage() + ".");
        problem.setProperty("reason", refused.reason().name());
        problem = problems.decorate(problem, request);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
