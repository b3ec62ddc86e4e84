package cn.smartunion.membership.verification.adapter.in.web;

import cn.smartunion.membership.verification.application.MembershipVerification;
import cn.smartunion.membership.verification.application.VerificationAuditTrail;
import cn.smartunion.membership.verification.domain.VerificationAuditEntry;
import cn.smartunion.membership.verification.domain.VerificationStatus;
import cn.smartunion.runtime.problem.RequestIds;
import cn.smartunion.runtime.scope.OrgAuthenticationToken;
import cn.smartunion.runtime.scope.OrgPrincipal;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * Membership verification (会员身份核验) for the e-government portal's {@code portal} client, and its audit trail for
 * union administrators. A POST, so the citizen ID number is never in a URL or an access log.
 */
@RestController
@Validated
@RequestMapping("/api/membership/v1/verifications")
class VerificationController {

    private final MembershipVerification verification;
    private final VerificationAuditTrail auditTrail;

    VerificationController(MembershipVerification verification, VerificationAuditTrail auditTrail) {
        this.verification = verification;
        this.auditTrail = auditTrail;
    }

    /**
     * Is the person with this citizen ID number and legal name an active member, and of which union. A name that
     * does not match the ID number is answered exactly like an unknown person.
     */
    @PostMapping
    ResponseEntity<VerificationView> verify(@Valid @RequestBody VerificationRequest request,
                                            OrgAuthenticationToken token, HttpServletRequest http) {
        OrgPrincipal caller = token.getPrincipal();
        String clientId = token.getToken().getClaimAsString("azp");
        var answer = verification.verify(caller, clientId == null || clientId.isBlank() ? caller.subject() : clientId,
                RequestIds.of(http), request.citizenIdNumber(), request.legalName());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(VerificationView.of(answer));
    }

    /** Verification calls owned by the caller's subtree (the partner's province), newest first. */
    @GetMapping("/audit")
    AuditPageView audit(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(VerificationAuditTrail.MAX_PAGE_SIZE) int size,
                        @RequestParam(required = false) @Size(max = 128) String clientId,
                        OrgAuthenticationToken token) {
        var result = auditTrail.list(token.getPrincipal(), clientId, page, size);
        return new AuditPageView(result.items().stream().map(AuditEntryView::of).toList(), result.page(),
                result.size(), result.totalItems());
    }

    record VerificationRequest(@NotBlank @Size(max = 32) String citizenIdNumber,
                               @NotBlank @Size(max = 100) String legalName) {

        @Override
        public String toString() {
            return "VerificationRequest[…]";
        }
    }

    /** @param union set for an active member only */
    record VerificationView(boolean verified, VerificationStatus status,
                            @JsonInclude(JsonInclude.Include.NON_NULL) UnionView union, Instant verifiedAt,
                            String verificationId) {

        static VerificationView of(MembershipVerification.Verification answer) {
            UnionView union = answer.orgId() == null ? null : new UnionView(answer.orgId(), answer.orgName());
            return new VerificationView(answer.status().verified(), answer.status(), union, answer.verifiedAt(),
                    answer.verificationId());
        }
    }

    record UnionView(String orgId, String name) {
    }

    /** An audit entry as administrators see it: the person's blind index stays in the store. */
    record AuditEntryView(String verificationId, String clientId, String subject, Instant at,
                          VerificationAuditEntry.Outcome outcome, VerificationAuditEntry.Match match,
                          String disclosedOrgId, String invalidField, String requestId) {

        static AuditEntryView of(VerificationAuditEntry entry) {
            return new AuditEntryView(entry.verificationId(), entry.clientId(), entry.subject(), entry.at(),
                    entry.outcome(), entry.match(), entry.disclosedOrgId(), entry.invalidField(), entry.requestId());
        }
    }

    record AuditPageView(List<AuditEntryView> items, int page, int size, long totalItems) {
    }
}
