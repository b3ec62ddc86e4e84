package cn.smartunion.aid.mutualaid.adapter.in.web;

import cn.smartunion.aid.mutualaid.application.MutualAidClaims;
import cn.smartunion.aid.mutualaid.domain.Claim;
import cn.smartunion.aid.mutualaid.domain.ClaimStatus;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.ClaimRejectionReason;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
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

/**
 * Mutual-aid claims: officers file and pay, approvers approve or reject. The disease, hospital stay and medical cost
 * are shown only to aid officers and approvers reading one claim; lists and analysts never see them.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/mutual-aid-claims")
class MutualAidClaimController {

    private static final long MAX_FEN = MutualAidPlanController.MAX_FEN;

    private final MutualAidClaims claims;

    MutualAidClaimController(MutualAidClaims claims) {
        this.claims = claims;
    }

    @PostMapping
    ResponseEntity<ClaimView> submit(@Valid @RequestBody SubmitRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        Claim claim = claims.submit(new MutualAidClaims.SubmitClaim(request.enrolmentId(), request.illnessOn(),
                request.diseaseCode(), request.hospitalisedFrom(), request.hospitalisedTo(), request.medicalCostFen(),
                request.claimedFen()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/mutual-aid-claims/" + claim.id()))
                .body(ClaimView.of(claim, true));
    }

    @PostMapping("/{id}/approval")
    ClaimView approve(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ApproveRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return ClaimView.of(claims.approve(id, request.approvedFen(), caller), false);
    }

    @PostMapping("/{id}/rejection")
    ClaimView reject(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RejectRequest request,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        return ClaimView.of(claims.reject(id, request.reasonCode(), caller), false);
    }

    @PostMapping("/{id}/payment")
    ClaimView pay(@PathVariable @Size(max = 64) String id, @Valid @RequestBody PayRequest request,
                  @AuthenticationPrincipal OrgPrincipal caller) {
        return ClaimView.of(claims.pay(id, new MutualAidClaims.PayClaim(request.idempotencyKey(), request.channel(),
                request.paidOn(), request.bankCardNumber()), caller), false);
    }

    @GetMapping("/{id}")
    ClaimView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return ClaimView.of(claims.get(id, caller), MutualAidClaims.mayReadHealthData(caller));
    }

    @GetMapping
    PageView<ClaimView> list(@RequestParam(required = false) ClaimStatus status,
                             @RequestParam(required = false) @Size(max = 64) String planId,
                             @RequestParam(required = false) @Size(max = 64) String memberId,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                             @AuthenticationPrincipal OrgPrincipal caller) {
        return claims.list(caller, status, planId, memberId, page, size).map(c -> ClaimView.of(c, false));
    }

    record SubmitRequest(@NotBlank @Size(max = 64) String enrolmentId,
                         @NotNull LocalDate illnessOn,
                         @NotNull @Pattern(regexp = MutualAidPlanController.DISEASE_CODE) String diseaseCode,
                         LocalDate hospitalisedFrom,
                         LocalDate hospitalisedTo,
                         @PositiveOrZero @Max(MAX_FEN) long medicalCostFen,
                         @Positive @Max(MAX_FEN) long claimedFen) {
    }

    record ApproveRequest(@Positive @Max(MAX_FEN) long approvedFen) {
    }

    record RejectRequest(@NotNull ClaimRejectionReason reasonCode) {
    }

    record PayRequest(@NotBlank @Size(max = 64) String idempotencyKey,
                      @NotNull DisbursementChannel channel,
                      @NotNull LocalDate paidOn,
                      @Size(max = 32) String bankCardNumber) {
    }

    /** Health data: the disease and the hospital stay with its cost. */
    record HealthView(String diseaseCode, LocalDate hospitalisedFrom, LocalDate hospitalisedTo, long medicalCostFen) {
    }

    record ClaimView(String id, String enrolmentId, String planId, int planYear, int planVersion, String memberId,
                     String orgId, String orgPath, LocalDate illnessOn, long claimedFen, ClaimStatus status,
                     Long approvedFen, ApprovalLevel approvalLevel, Instant approvedAt,
                     ClaimRejectionReason rejectionReason, String disbursementId, Instant paidAt,
                     Instant submittedAt, HealthView health) {

        static ClaimView of(Claim c, boolean withHealth) {
            HealthView health = withHealth ? new HealthView(c.health().diseaseCode(), c.health().hospitalisedFrom(),
                    c.health().hospitalisedTo(), c.health().medicalCostFen()) : null;
            return new ClaimView(c.id(), c.enrolmentId(), c.planId(), c.planYear(), c.planVersion(), c.memberId(),
                    c.orgId(), c.orgPath(), c.illnessOn(), c.claimedFen(), c.status(), c.approvedFen(),
                    c.approvalLevel(), c.approvedAt(), c.rejectionReason(), c.disbursementId(), c.paidAt(),
                    c.submittedAt(), health);
        }
    }
}
