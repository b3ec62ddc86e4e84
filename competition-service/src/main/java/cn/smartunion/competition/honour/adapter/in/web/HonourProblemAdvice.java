package cn.smartunion.competition.honour.adapter.in.web;

import cn.smartunion.competition.honour.domain.FrontlineShareNotMet;
import cn.smartunion.competition.honour.domain.MakerCheckerViolation;
import cn.smartunion.competition.honour.domain.NominationQuotaExhausted;
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
 * The honours' own problems: maker-checker (403 {@code maker-checker}, reason {@code SAME_PERSON}), the frontline
 * share at conferral (422 {@code frontline-share-not-met} with the numbers) and the nominating union's quota (409
 * {@code nomination-quota-exhausted} with the quota).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class HonourProblemAdvice {

    static final URI MAKER_CHECKER = URI.create("urn:smartunion:problem:maker-checker");
    static final URI FRONTLINE_SHARE = URI.create("urn:smartunion:problem:frontline-share-not-met");
    static final URI QUOTA_EXHAUSTED = URI.create("urn:smartunion:problem:nomination-quota-exhausted");

    private final ProblemFactory problems;

    HonourProblemAdvice(ProblemFactory problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MakerCheckerViolation.class)
    ResponseEntity<ProblemDetail> onMakerChecker(MakerCheckerViolation violation, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.FORBIDDEN);
        problem.setType(MAKER_CHECKER);
        problem.setTitle(zh ? "推荐人不能审批本人的推荐" : "The nominator may not decide their own nomination");
        problem.setDetail(zh ? "审批须由推荐人以外的人员进行。" : violation.getMessage() + ".");
        problem.setProperty("reason", violation.reason());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(FrontlineShareNotMet.class)
    ResponseEntity<ProblemDetail> onFrontlineShare(FrontlineShareNotMet notMet, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        problem.setType(FRONTLINE_SHARE);
        problem.setTitle(zh ? "一线职工比例不足" : "Too few frontline workers among the approved");
        problem.setDetail(zh ? "已批准的 " + notMet.individuals() + " 名个人中一线职工 " + notMet.frontline()
                + " 名，至少需要 " + notMet.required() + " 名。" : notMet.getMessage() + ".");
        problem.setProperty("frontline", notMet.frontline());
        problem.setProperty("individuals", notMet.individuals());
        problem.setProperty("required", notMet.required());
        problem.setProperty("minFrontlineShare", notMet.minShare());
        return respond(problems.decorate(problem, request));
    }

    @ExceptionHandler(NominationQuotaExhausted.class)
    ResponseEntity<ProblemDetail> onQuota(NominationQuotaExhausted exhausted, HttpServletRequest request) {
        boolean zh = zh(request);
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.CONFLICT);
        problem.setType(QUOTA_EXHAUSTED);
        problem.setTitle(zh ? "推荐名额已用完" : "Nomination quota used up");
        problem.setDetail(zh ? "本单位在此次评选中的 " + exhausted.quota() + " 个推荐名额已用完。"
                : exhausted.getMessage() + ".");
        problem.setProperty("quota", exhausted.quota());
        return respond(problems.decorate(problem, request));
    }

    private boolean zh(HttpServletRequest request) {
        return "zh".equals(problems.locale(request).getLanguage());
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
