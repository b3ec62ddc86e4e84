package cn.smartunion.rights.dispute.adapter.in.web;

import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.ReferralBody;
import cn.smartunion.contracts.rights.ReopeningCause;
import cn.smartunion.rights.dispute.application.DisputeCaseService;
import cn.smartunion.rights.dispute.application.OpenCase;
import cn.smartunion.rights.dispute.domain.DisputeCase;
import cn.smartunion.rights.dispute.domain.DisputeStatus;
import cn.smartunion.rights.web.PageView;
import cn.smartunion.rights.web.RightsRuleViolation;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Labour dispute cases (劳动争议案件): opening, legal aid, mediation with the bodies on the jurisdiction's roster,
 * referral and its outcome, closure, follow-up, reopening and referral of workers to hardship aid. A case outside the
 * caller's subtree is not found; workers are only ever answered masked.
 */
@RestController
@Validated
@RequestMapping("/api/rights/v1/dispute-cases")
class DisputeCaseController {

    static final long MAX_FEN = 10_000_000_000L;
    static final String ID = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$";
    static final String TAG = "^[A-Z][A-Z0-9_]{1,63}$";

    private final DisputeCaseService service;

    DisputeCaseController(DisputeCaseService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<DisputeCaseView> open(@Valid @RequestBody OpenRequest request,
                                         @AuthenticationPrincipal OrgPrincipal caller) {
        DisputeCase created = service.open(new OpenCase(request.orgId(), request.intake(), request.workOrderId(),
                request.claimTypes(), request.workers().stream().map(w -> new OpenCase.Worker(w.citizenIdNumber(),
                w.legalName(), w.memberId(), w.groupTags())).toList(),
                request.employer().toOrganisation(),
                request.platform() == null ? null : request.platform().toOrganisation(), request.amountClaimedFen(),
                request.collective(), Boolean.TRUE.equals(request.crossProvince())), caller);
        return ResponseEntity.created(URI.create("/api/rights/v1/dispute-cases/" + created.id()))
                .body(DisputeCaseView.of(created, null));
    }

    @GetMapping("/{id}")
    DisputeCaseView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        DisputeCase c = service.get(id, caller);
        return DisputeCaseView.of(c, service.outcomeText(c));
    }

    @GetMapping
    PageView<DisputeCaseView.ListItem> list(@RequestParam(required = false) DisputeStatus status,
                                            @RequestParam(required = false) ClaimType claimType,
                                            @RequestParam(required = false) @Size(max = 64) String orgId,
                                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE)
                                            int size,
                                            @AuthenticationPrincipal OrgPrincipal caller) {
        return service.list(caller, status, claimType, orgId, page, size).map(DisputeCaseView.ListItem::of);
    }

    @PostMapping("/{id}/legal-aid")
    DisputeCaseView legalAid(@PathVariable @Size(max = 64) String id, @Valid @RequestBody LegalAidRequest request,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.grantLegalAid(id, request.lawyerId(), request.grantedOn(), caller));
    }

    @PostMapping("/{id}/mediation-sessions")
    DisputeCaseView session(@PathVariable @Size(max = 64) String id, @Valid @RequestBody SessionRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.holdMediationSession(id, request.mechanism(), request.partiesPresent(), request.heldOn(),
                caller));
    }

    @PostMapping("/{id}/mediation-agreement")
    DisputeCaseView agreement(@PathVariable @Size(max = 64) String id, @Valid @RequestBody AgreementRequest request,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.reachAgreement(id, request.agreedFen(), request.reachedOn(), caller));
    }

    @PostMapping("/{id}/mediation-failure")
    DisputeCaseView failure(@PathVariable @Size(max = 64) String id, @Valid @RequestBody FailureRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.failMediation(id, request.failedOn(), caller));
    }

    @PostMapping("/{id}/referral")
    DisputeCaseView referral(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReferralRequest request,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.refer(id, request.toBody(), request.referredOn(), request.reference(), caller));
    }

    @PostMapping("/{id}/outcome")
    DisputeCaseView outcome(@PathVariable @Size(max = 64) String id, @Valid @RequestBody OutcomeRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        DisputeCase c = service.recordOutcome(id, request.outcome(), request.awardedFen(), caller);
        return DisputeCaseView.of(c, service.outcomeText(c));
    }

    @PostMapping("/{id}/closure")
    DisputeCaseView closure(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ClosureRequest request,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.close(id, request.closureType(), request.amountRecoveredFen(), request.workersBenefited(),
                request.closedOn(), caller));
    }

    @PostMapping("/{id}/follow-up")
    DisputeCaseView followUp(@PathVariable @Size(max = 64) String id, @Valid @RequestBody FollowUpRequest request,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.completeFollowUp(id, request.reComplained(), request.completedOn(), caller));
    }

    @PostMapping("/{id}/reopening")
    DisputeCaseView reopening(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReopeningRequest request,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return view(service.reopen(id, request.cause(), caller));
    }

    @PostMapping("/{id}/hardship-referrals")
    ResponseEntity<Map<String, String>> hardship(@PathVariable @Size(max = 64) String id,
                                                 @Valid @RequestBody HardshipRequest request,
                                                 @AuthenticationPrincipal OrgPrincipal caller) {
        if ((request.workerIndex() == null) == (request.personId() == null)) {
            throw new RightsRuleViolation("workerIndex", "give either workerIndex or personId");
        }
        String referralId = service.referToHardshipAid(id, request.workerIndex(), request.personId(), caller);
        return ResponseEntity.status(201).body(Map.of("referralId", referralId, "caseId", id));
    }

    private DisputeCaseView view(DisputeCase c) {
        return DisputeCaseView.of(c, null);
    }

    record OpenRequest(@NotBlank @Size(max = 64) String orgId,
                       @NotNull CaseIntake intake,
                       @Size(max = 64) @Pattern(regexp = ID) String workOrderId,
                       @NotNull @Size(min = 1, max = 7) List<@NotNull ClaimType> claimTypes,
                       @NotNull @Size(min = 1, max = 500) List<@Valid @NotNull WorkerRequest> workers,
                       @NotNull @Valid OrganisationRequest employer,
                       @Valid OrganisationRequest platform,
                       @PositiveOrZero @Max(MAX_FEN) long amountClaimedFen,
                       Boolean collective,
                       Boolean crossProvince) {
    }

    record WorkerRequest(@NotBlank @Size(max = 18) String citizenIdNumber,
                         @NotBlank @Size(max = 50) String legalName,
                         @Size(max = 64) @Pattern(regexp = ID) String memberId,
                         @Size(max = 32) List<@NotNull @Pattern(regexp = TAG) String> groupTags) {
    }

    record OrganisationRequest(@NotBlank @Size(max = 18) String creditCode, @NotBlank @Size(max = 100) String name) {
        OpenCase.Organisation toOrganisation() {
            return new OpenCase.Organisation(creditCode, name);
        }
    }

    record LegalAidRequest(@NotBlank @Size(max = 64) @Pattern(regexp = ID) String lawyerId,
                           @NotNull LocalDate grantedOn) {
    }

    record SessionRequest(@NotNull MediationBody mechanism,
                          @NotNull @Size(min = 1, max = 8) List<@NotNull MediationBody> partiesPresent,
                          @NotNull LocalDate heldOn) {
    }

    record AgreementRequest(@PositiveOrZero @Max(MAX_FEN) long agreedFen, @NotNull LocalDate reachedOn) {
    }

    record FailureRequest(@NotNull LocalDate failedOn) {
    }

    record ReferralRequest(@NotNull ReferralBody toBody, @NotNull LocalDate referredOn,
                           @Size(max = 64) String reference) {
    }

    record OutcomeRequest(@Size(max = 2000) String outcome, @PositiveOrZero @Max(MAX_FEN) Long awardedFen) {
    }

    record ClosureRequest(@NotNull ClosureType closureType, @PositiveOrZero @Max(MAX_FEN) long amountRecoveredFen,
                          @Min(0) @Max(500) int workersBenefited, @NotNull LocalDate closedOn) {
    }

    record FollowUpRequest(@NotNull Boolean reComplained, @NotNull LocalDate completedOn) {
    }

    record ReopeningRequest(@NotNull ReopeningCause cause) {
    }

    record HardshipRequest(@Min(0) @Max(499) Integer workerIndex,
                           @Size(max = 64) @Pattern(regexp = ID) String personId) {
    }
}
