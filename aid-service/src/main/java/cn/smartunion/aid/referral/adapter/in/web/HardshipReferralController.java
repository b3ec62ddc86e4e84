package cn.smartunion.aid.referral.adapter.in.web;

import cn.smartunion.aid.casefile.application.NamedPerson;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.referral.application.HardshipReferrals;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.Map;

/**
 * The aid inbox of hardship referred by rights-service: aid staff see their subtree's referrals and open a hardship
 * case from one once they have the household head's identity.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/hardship-referrals")
class HardshipReferralController {

    private final HardshipReferrals referrals;

    HardshipReferralController(HardshipReferrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    PageView<HardshipReferrals.Referral> list(@RequestParam(required = false) HardshipReferrals.Status status,
                                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                              @RequestParam(defaultValue = "20") @Min(1)
                                              @Max(PageView.MAX_PAGE_SIZE) int size,
                                              @AuthenticationPrincipal OrgPrincipal caller) {
        return referrals.list(caller, status, page, size);
    }

    @GetMapping("/{id}")
    HardshipReferrals.Referral get(@PathVariable @Size(max = 64) String id,
                                   @AuthenticationPrincipal OrgPrincipal caller) {
        return referrals.get(id, caller);
    }

    /** Opens the hardship case (IDENTIFIED) of the referral; answers where the case is. */
    @PostMapping("/{id}/case")
    ResponseEntity<Map<String, String>> openCase(@PathVariable @Size(max = 64) String id,
                                                 @Valid @RequestBody OpenCaseRequest request,
                                                 @AuthenticationPrincipal OrgPrincipal caller) {
        HardshipCase opened = referrals.openCase(id, request.programmeCode(), request.cycle(),
                new NamedPerson(request.head().citizenIdNumber(), request.head().legalName()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/hardship-cases/" + opened.id()))
                .body(Map.of("caseId", opened.id(), "status", opened.status().name()));
    }

    record HeadRequest(@NotBlank @Size(max = 32) String citizenIdNumber, @NotBlank @Size(max = 50) String legalName) {

        @Override
        public String toString() {
            return "HeadRequest[***]";
        }
    }

    record OpenCaseRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}") String programmeCode,
                           @NotBlank @Size(max = 16) String cycle, @NotNull @Valid HeadRequest head) {
    }
}
