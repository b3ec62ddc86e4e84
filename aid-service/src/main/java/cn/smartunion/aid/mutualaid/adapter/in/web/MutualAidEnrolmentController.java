package cn.smartunion.aid.mutualaid.adapter.in.web;

import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.mutualaid.application.MutualAidEnrolments;
import cn.smartunion.aid.mutualaid.domain.Enrolment;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
 * Enrolments (参保): aid officers enrol members (STAFF) or a unit's members in bulk (UNIT_BULK); a member enrols
 * themself (SELF, role {@code member}).
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/mutual-aid-enrolments")
class MutualAidEnrolmentController {

    private final MutualAidEnrolments enrolments;

    MutualAidEnrolmentController(MutualAidEnrolments enrolments) {
        this.enrolments = enrolments;
    }

    @PostMapping
    ResponseEntity<EnrolmentView> enrol(@Valid @RequestBody EnrolRequest request,
                                        @AuthenticationPrincipal OrgPrincipal caller) {
        Enrolment enrolment = enrolments.enrol(new MutualAidEnrolments.Enrol(request.planId(), request.memberId(),
                request.paidBy(), request.socialInsurance(), request.enrolledOn()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/mutual-aid-enrolments/" + enrolment.id()))
                .body(EnrolmentView.of(enrolment));
    }

    @PostMapping("/bulk")
    BulkView bulk(@Valid @RequestBody BulkRequest request, @AuthenticationPrincipal OrgPrincipal caller) {
        List<MutualAidEnrolments.BulkResult> results = enrolments.enrolBulk(new MutualAidEnrolments.BulkEnrol(
                request.planId(), request.paidBy(), request.socialInsurance(), request.memberIds()), caller);
        return new BulkView(request.planId(), count(results, MutualAidEnrolments.Outcome.ENROLLED),
                count(results, MutualAidEnrolments.Outcome.ALREADY_ENROLLED),
                count(results, MutualAidEnrolments.Outcome.REFUSED), results);
    }

    @GetMapping("/{id}")
    EnrolmentView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return EnrolmentView.of(enrolments.get(id, caller));
    }

    @GetMapping
    PageView<EnrolmentView> list(@RequestParam(required = false) @Size(max = 64) String planId,
                                 @RequestParam(required = false) @Size(max = 64) String memberId,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return enrolments.list(caller, planId, memberId, page, size).map(EnrolmentView::of);
    }

    private static long count(List<MutualAidEnrolments.BulkResult> results, MutualAidEnrolments.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** @param enrolledOn the date the member signed up, up to 30 days back for staff entering paper forms; default today */
    record EnrolRequest(@NotBlank @Size(max = 64) String planId,
                        @NotBlank @Size(max = 64) String memberId,
                        @NotNull ContributionPayer paidBy,
                        @NotNull SocialInsurance socialInsurance,
                        LocalDate enrolledOn) {
    }

    record BulkRequest(@NotBlank @Size(max = 64) String planId,
                       @NotNull ContributionPayer paidBy,
                       @NotNull SocialInsurance socialInsurance,
                       @NotNull @Size(min = 1, max = MutualAidEnrolments.MAX_BULK)
                       List<@NotBlank @Size(max = 64) String> memberIds) {
    }

    record BulkView(String planId, long enrolled, long alreadyEnrolled, long refused,
                    List<MutualAidEnrolments.BulkResult> results) {
    }

    record EnrolmentView(String id, String planId, String programmeCode, int planVersion, int planYear,
                         String memberId, String orgId, String orgPath, ContributionPayer paidBy,
                         EnrolmentChannel channel, SocialInsurance socialInsurance, long contributionFen,
                         LocalDate enrolledOn, LocalDate coverageStartsOn, LocalDate coverageEndsOn,
                         Instant enrolledAt) {

        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id(), e.planId(), e.programmeCode(), e.planVersion(), e.planYear(),
                    e.memberId(), e.orgId(), e.orgPath(), e.paidBy(), e.channel(), e.socialInsurance(),
                    e.contributionFen(), e.enrolledOn(), e.coverageStartsOn(), e.coverageEndsOn(), e.enrolledAt());
        }
    }
}
