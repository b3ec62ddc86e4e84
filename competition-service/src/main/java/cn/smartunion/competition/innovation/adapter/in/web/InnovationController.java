package cn.smartunion.competition.innovation.adapter.in.web;

import cn.smartunion.competition.innovation.application.InnovationSubmissions;
import cn.smartunion.competition.innovation.domain.Innovation;
import cn.smartunion.competition.innovation.domain.InnovationStatus;
import cn.smartunion.competition.innovation.domain.Innovations;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import java.util.List;

/**
 * Worker innovations (五小, 合理化建议 …). Submitting creates a new record each time: clients retry with an
 * {@code Idempotency-Key}. The evaluation is conditional on the submitted status (a repeat is 409); each benefit
 * recording is a new revision, conditional on the version read (retry with an {@code Idempotency-Key}).
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/innovations")
class InnovationController {

    private final InnovationSubmissions submissions;

    InnovationController(InnovationSubmissions submissions) {
        this.submissions = submissions;
    }

    /** A member for themselves (and co-authors), or organisers and union admins for a union in scope. */
    @PostMapping
    ResponseEntity<InnovationView> submit(@Valid @RequestBody SubmitRequest request,
                                          @AuthenticationPrincipal OrgPrincipal caller) {
        Innovation innovation = submissions.submit(new InnovationSubmissions.Submit(request.orgId(), request.type(),
                request.title(), request.summary(), request.unitCreditCode(), request.memberIds(),
                request.persons() == null ? null : request.persons().stream()
                        .map(p -> new InnovationSubmissions.PersonAuthor(p.citizenIdNumber(), p.legalName())).toList(),
                Boolean.TRUE.equals(request.patent())), caller);
        return ResponseEntity.created(URI.create("/api/competition/v1/innovations/" + innovation.id()))
                .body(InnovationView.of(innovation));
    }

    @PostMapping("/{id}/evaluation")
    InnovationView evaluate(@PathVariable @Size(max = 64) String id, @Valid @RequestBody EvaluationRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return InnovationView.of(submissions.evaluate(id, request.outcome(), request.reason(), request.evaluatedOn(),
                caller));
    }

    @PostMapping("/{id}/benefits")
    InnovationView recordBenefit(@PathVariable @Size(max = 64) String id, @Valid @RequestBody BenefitRequest request,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return InnovationView.of(submissions.recordBenefit(id, request.amountFen(), request.periodFrom(),
                request.periodTo(), request.verifiedBy(), request.verifiedOn(), caller));
    }

    @GetMapping("/{id}")
    InnovationView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return InnovationView.of(submissions.get(id, caller));
    }

    @GetMapping
    PageView<InnovationView> list(@RequestParam(required = false) InnovationType type,
                                  @RequestParam(required = false) InnovationStatus status,
                                  @RequestParam(required = false) @Size(max = 18) String unitCreditCode,
                                  @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                  @AuthenticationPrincipal OrgPrincipal caller) {
        return submissions.list(caller, new Innovations.Filter(type, status, unitCreditCode), page, size)
                .map(InnovationView::of);
    }

    record PersonRequest(@NotBlank @Size(max = 18) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "PersonRequest[***]";
        }
    }

    record SubmitRequest(@Size(max = 64) String orgId, @NotNull InnovationType type,
                         @NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String summary,
                         @NotBlank @Size(max = 18) String unitCreditCode,
                         @Size(max = 49) List<@NotBlank @Size(max = 64) String> memberIds,
                         @Size(max = 49) List<@NotNull @Valid PersonRequest> persons, Boolean patent) {

        @Override
        public String toString() {
            return "SubmitRequest[" + type + "]";
        }
    }

    record EvaluationRequest(@NotNull InnovationOutcome outcome, @Size(max = 500) String reason,
                             @NotNull LocalDate evaluatedOn) {
    }

    record BenefitRequest(@NotNull @PositiveOrZero @Max(1_000_000_000_000_000L) Long amountFen,
                          @NotNull LocalDate periodFrom, @NotNull LocalDate periodTo,
                          @NotBlank @Size(max = 100) String verifiedBy, @NotNull LocalDate verifiedOn) {
    }

    record AuthorView(String memberId, String personId) {
    }

    record EvaluationView(InnovationOutcome outcome, String reason, LocalDate evaluatedOn) {
    }

    record BenefitView(int revision, long amountFen, LocalDate periodFrom, LocalDate periodTo, String verifiedBy,
                       LocalDate verifiedOn, Instant recordedAt) {
    }

    record InnovationView(String id, String orgId, String orgPath, InnovationType type, String title, String summary,
                          String unitCreditCode, List<AuthorView> authors, boolean patent, boolean byMember,
                          InnovationStatus status, EvaluationView evaluation, Long currentBenefitFen,
                          List<BenefitView> benefits, Instant submittedAt) {

        static InnovationView of(Innovation i) {
            var e = i.evaluation();
            var current = i.currentBenefit();
            return new InnovationView(i.id(), i.orgId(), i.orgPath(), i.type(), i.title(), i.summary(),
                    i.unitCreditCode(), i.authors().stream().map(a -> new AuthorView(a.memberId(), a.personId()))
                    .toList(), i.patent(), i.byMember(), i.status(),
                    e == null ? null : new EvaluationView(e.outcome(), e.reason(), e.evaluatedOn()),
                    current == null ? null : current.amountFen(),
                    i.benefits().stream().map(b -> new BenefitView(b.revision(), b.amountFen(), b.periodFrom(),
                            b.periodTo(), b.verifiedBy(), b.verifiedOn(), b.recordedAt())).toList(), i.submittedAt());
        }
    }
}
