package cn.smartunion.aid.mutualaid.adapter.in.web;

import cn.smartunion.aid.mutualaid.application.MutualAidPlans;
import cn.smartunion.aid.mutualaid.domain.MutualAidPlan;
import cn.smartunion.aid.mutualaid.domain.PlanVersion;
import cn.smartunion.aid.web.PageView;
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
import java.util.List;

/**
 * Mutual-aid plans and their versions (aid officers define and publish; aid staff and analysts read). Amounts are
 * integers in fen (1/100 yuan); disease codes like {@code ICD10:C50} or a local code.
 */
@RestController
@Validated
@RequestMapping("/api/aid/v1/mutual-aid-plans")
class MutualAidPlanController {

    static final long MAX_FEN = 10_000_000_000L;
    static final String DISEASE_CODE = "[A-Za-z0-9][A-Za-z0-9:._-]{0,31}";

    private final MutualAidPlans plans;

    MutualAidPlanController(MutualAidPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    ResponseEntity<PlanView> create(@Valid @RequestBody CreateRequest request,
                                    @AuthenticationPrincipal OrgPrincipal caller) {
        MutualAidPlan plan = plans.create(new MutualAidPlans.CreatePlan(request.programmeCode(), request.orgId(),
                request.planYear(), request.coveredDiseases(), request.contributionFen(), request.maxPayoutFen(),
                request.annualLimitFen(), request.budgetLineId()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/mutual-aid-plans/" + plan.id())).body(PlanView.of(plan));
    }

    @PostMapping("/{planId}/versions")
    ResponseEntity<PlanView> publish(@PathVariable @Size(max = 64) String planId,
                                     @Valid @RequestBody VersionRequest request,
                                     @AuthenticationPrincipal OrgPrincipal caller) {
        MutualAidPlan plan = plans.publish(planId, new MutualAidPlans.PublishVersion(request.effectiveFrom(),
                request.coveredDiseases(), request.contributionFen(), request.maxPayoutFen(),
                request.annualLimitFen()), caller);
        return ResponseEntity.created(URI.create("/api/aid/v1/mutual-aid-plans/" + plan.id() + "/versions/"
                + plan.latest().version())).body(PlanView.of(plan));
    }

    @GetMapping("/{planId}")
    PlanView get(@PathVariable @Size(max = 64) String planId, @AuthenticationPrincipal OrgPrincipal caller) {
        return PlanView.of(plans.get(planId, caller));
    }

    @GetMapping
    PageView<PlanView> list(@RequestParam(required = false) @Min(2000) @Max(2100) Integer planYear,
                            @RequestParam(required = false) @Size(max = 32) String programmeCode,
                            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                            @AuthenticationPrincipal OrgPrincipal caller) {
        return plans.list(caller, planYear, programmeCode, page, size).map(PlanView::of);
    }

    record CreateRequest(@NotBlank @Size(max = 32) String programmeCode,
                         @NotBlank @Size(max = 64) String orgId,
                         @Min(2000) @Max(2100) int planYear,
                         @NotNull @Size(min = 1, max = MutualAidPlan.MAX_DISEASES)
                         List<@NotNull @Pattern(regexp = DISEASE_CODE) String> coveredDiseases,
                         @PositiveOrZero @Max(MAX_FEN) long contributionFen,
                         @Positive @Max(MAX_FEN) long maxPayoutFen,
                         @Positive @Max(MAX_FEN) long annualLimitFen,
                         @NotBlank @Size(max = 64) String budgetLineId) {
    }

    /** Amounts left out keep the latest version's. */
    record VersionRequest(@NotNull LocalDate effectiveFrom,
                          @NotNull @Size(min = 1, max = MutualAidPlan.MAX_DISEASES)
                          List<@NotNull @Pattern(regexp = DISEASE_CODE) String> coveredDiseases,
                          @PositiveOrZero @Max(MAX_FEN) Long contributionFen,
                          @Positive @Max(MAX_FEN) Long maxPayoutFen,
                          @Positive @Max(MAX_FEN) Long annualLimitFen) {
    }

    record VersionView(int version, LocalDate effectiveFrom, List<String> coveredDiseases, long contributionFen,
                       long maxPayoutFen, long annualLimitFen, Instant publishedAt) {

        static VersionView of(PlanVersion v) {
            return new VersionView(v.version(), v.effectiveFrom(), v.coveredDiseases(), v.contributionFen(),
                    v.maxPayoutFen(), v.annualLimitFen(), v.publishedAt());
        }
    }

    record PlanView(String id, String programmeCode, String orgId, String orgPath, int planYear, String budgetLineId,
                    int latestVersion, List<VersionView> versions, Instant createdAt) {

        static PlanView of(MutualAidPlan p) {
            return new PlanView(p.id(), p.programmeCode(), p.orgId(), p.orgPath(), p.planYear(), p.budgetLineId(),
                    p.latest().version(), p.versions().stream().map(VersionView::of).toList(), p.createdAt());
        }
    }
}
