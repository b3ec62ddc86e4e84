package cn.smartunion.aid.aidapplication.adapter.in.web;

import cn.smartunion.aid.aidapplication.application.ApplicationPayment;
import cn.smartunion.aid.aidapplication.application.ApplicationQueries;
import cn.smartunion.aid.aidapplication.application.ApplicationReview;
import cn.smartunion.aid.aidapplication.application.ApplicationSubmission;
import cn.smartunion.aid.aidapplication.application.SubmitApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.aidapplication.domain.ApplicationStatus;
import cn.smartunion.aid.aidapplication.domain.StudyLevel;
import cn.smartunion.aid.disbursement.application.Disbursement;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.AidRejectionReason;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * Aid applications (金秋助学, one-off grants): aid officers submit and pay, aid approvers decide (never their own),
 * within their subtree. Amounts in fen.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/aid-applications")
class AidApplicationController {

    private static final long MAX_FEN = 10_000_000_000L;

    private final ApplicationSubmission submission;
    private final ApplicationReview review;
    private final ApplicationPayment payment;
    private final ApplicationQueries queries;

    AidApplicationController(ApplicationSubmission submission, ApplicationReview review, ApplicationPayment payment,
                             ApplicationQueries queries) {
        this.submission = submission;
        this.review = review;
        this.payment = payment;
        this.queries = queries;
    }

    @PostMapping
    ResponseEntity<ApplicationView> submit(@Valid @RequestBody SubmitRequest request,
                                           @AuthenticationPrincipal OrgPrincipal caller) {
        StudentRequest s = request.student();
        AidApplication application = submission.submit(new SubmitApplication(request.programmeCode(),
                request.campaignId(), request.orgId(), request.cycle(), request.applicant().citizenIdNumber(),
                request.applicant().legalName(), request.memberId(), request.groupTags(), request.socialInsurance(),
                s == null ? null : new SubmitApplication.StudentDetails(s.citizenIdNumber(), s.legalName(),
                        s.school(), s.studyLevel()), request.requestedFen()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/aid-applications/" + application.id()))
                .body(ApplicationView.of(queries.get(application.id(), caller)));
    }

    @GetMapping("/{id}")
    ApplicationView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ApplicationView.of(queries.get(id, caller));
    }

    @GetMapping
    PageView<ApplicationView> list(@RequestParam(required = false) @Size(max = 32) String programmeCode,
                                   @RequestParam(required = false) @Size(max = 32) String cycle,
                                   @RequestParam(required = false) ApplicationStatus status,
                                   @RequestParam(required = false) @Size(max = 64) String orgId,
                                   @RequestParam(required = false) @Size(max = 64) String campaignId,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                   @AuthenticationPrincipal OrgPrincipal caller) {
        return queries.list(caller, new AidApplications.Filter(programmeCode, cycle, status, orgId, campaignId), page,
                size).map(ApplicationView::of);
    }

    @PostMapping("/{id}/approval")
    ApplicationView approve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ApprovalRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        review.approve(id, request.budgetLineId(), request.approvedFen(), caller);
        return ApplicationView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/rejection")
    ApplicationView reject(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RejectionRequest request,
                           @AuthenticationPrincipal OrgPrincipal caller) {
        review.reject(id, request.reasonCode(), caller);
        return ApplicationView.of(queries.get(id, caller));
    }

    @PostMapping("/{id}/withdrawal")
    ApplicationView withdraw(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        submission.withdraw(id, caller);
        return ApplicationView.of(queries.get(id, caller));
    }

    /** Pays the application; the {@code idempotencyKey} makes a retried payment pay once. */
    @PostMapping("/{id}/disbursements")
    ResponseEntity<Disbursement> pay(@PathVariable @Size(max = 64) String id,
                                     @Valid @RequestBody PaymentRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        Disbursement paid = payment.pay(id, request.idempotencyKey(), request.amountFen(), request.channel(),
                request.disbursedOn(), request.bankCardNumber(), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/disbursements/" + paid.id())).body(paid);
    }

    record PersonRequest(@NotBlank @Size(max = 32) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record StudentRequest(@NotBlank @Size(max = 32) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName,
                          @NotBlank @Size(max = 100) String school, @NotNull StudyLevel studyLevel) {

        @Override
        public String toString() {
            return "StudentRequest[" + studyLevel + "]";
        }
    }

    record SubmitRequest(@NotBlank @Size(max = 32) String programmeCode,
                         @Size(max = 64) String campaignId,
                         @NotBlank @Size(max = 64) String orgId,
                         @NotBlank @Pattern(regexp = "20[0-9]{2}(-[A-Z]{1,16})?") String cycle,
                         @NotNull @Valid PersonRequest applicant,
                         @Size(max = 64) String memberId,
                         @Size(max = 32) Set<@Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String> groupTags,
                         SocialInsurance socialInsurance,
                         @Valid StudentRequest student,
                         @Positive @Max(MAX_FEN) long requestedFen) {
    }

    record ApprovalRequest(@NotBlank @Size(max = 64) String budgetLineId, @Positive @Max(MAX_FEN) Long approvedFen) {
    }

    record RejectionRequest(@NotNull AidRejectionReason reasonCode) {
    }

    record PaymentRequest(@NotBlank @Size(max = 64) String idempotencyKey, @Positive @Max(MAX_FEN) Long amountFen,
                          @NotNull DisbursementChannel channel, @NotNull LocalDate disbursedOn,
                          @Size(max = 32) String bankCardNumber) {

        @Override
        public String toString() {
            return "PaymentRequest[" + channel + "]";
        }
    }

    record PersonView(String maskedName, String maskedIdNumber) {
    }

    record StudentView(String maskedName, String maskedIdNumber, boolean minor, StudyLevel studyLevel,
                       String school) {
    }

    record DecisionView(ApprovalLevel level, String budgetLineId, long approvedFen, AidRejectionReason reasonCode,
                        Instant decidedAt) {
    }

    record ApplicationView(String id, String programmeCode, String campaignId, String orgId, String orgPath,
                           String cycle, BeneficiaryType applicantType, String memberId, PersonView applicant,
                           StudentView student, boolean forStudent, long requestedFen, ApplicationStatus status,
                           DecisionView decision, Long paidFen, Long unpaidFen, Instant submittedAt) {

        static ApplicationView of(ApplicationQueries.Found found) {
            AidApplication a = found.application();
            var s = a.student();
            StudentView student = s == null || !found.studentVisible() ? null
                    : new StudentView(s.maskedName(), s.maskedIdNumber(), s.minor(), s.studyLevel(), found.school());
            var d = a.decision();
            DecisionView decision = d == null ? null
                    : new DecisionView(d.level(), d.budgetLineId(), d.approvedFen(), d.rejectionReason(),
                    d.decidedAt());
            return new ApplicationView(a.id(), a.programmeCode(), a.campaignId(), a.orgId(), a.orgPath(), a.cycle(),
                    a.applicantType(), a.memberId(),
                    new PersonView(a.applicantMaskedName(), a.applicantMaskedIdNumber()), student, s != null,
                    a.requestedFen(), a.status(), decision,
                    found.paid() == null ? null : found.paid().paidFen(),
                    found.paid() == null ? null : found.paid().unpaidFen(), a.submittedAt());
        }
    }
}
