package cn.smartunion.competition.innovation.adapter.in.web;

import cn.smartunion.competition.innovation.application.StudioRegistry;
import cn.smartunion.competition.innovation.domain.Studio;
import cn.smartunion.competition.innovation.domain.StudioStatus;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioRating;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Innovation studios (劳模/工匠/职工创新工作室), by organisers and union admins in scope; staff readers list them and the
 * overdue reviews. Registration, level changes and reviews are new facts each time (retry with an
 * {@code Idempotency-Key}); a year's outputs are put idempotently by year.
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/innovation-studios")
class StudioController {

    private final StudioRegistry registry;

    StudioController(StudioRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    ResponseEntity<StudioView> register(@Valid @RequestBody RegisterRequest r,
                                        @AuthenticationPrincipal OrgPrincipal caller) {
        Studio studio = registry.register(new StudioRegistry.Register(r.orgId(), r.name(), r.unitCreditCode(),
                r.leaderMemberId(), r.level(), Boolean.TRUE.equals(r.demonstration()), r.alliance(), r.foundedOn(),
                r.reviewPeriodMonths(), r.fundingGrantedFen()), caller);
        return ResponseEntity.created(URI.create("/api/competition/v1/innovation-studios/" + studio.id()))
                .body(StudioView.of(studio));
    }

    @PostMapping("/{id}/level")
    StudioView changeLevel(@PathVariable @Size(max = 64) String id, @Valid @RequestBody LevelRequest request,
                           @AuthenticationPrincipal OrgPrincipal caller) {
        return StudioView.of(registry.changeLevel(id, request.level(), request.effectiveOn(), caller));
    }

    @PostMapping("/{id}/reviews")
    StudioView review(@PathVariable @Size(max = 64) String id, @Valid @RequestBody ReviewRequest request,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return StudioView.of(registry.review(id, request.rating(), request.reviewedOn(), request.fundingGrantedFen(),
                caller));
    }

    @PutMapping("/{id}/outputs/{year}")
    StudioView outputs(@PathVariable @Size(max = 64) String id, @PathVariable @Min(1949) @Max(2100) int year,
                       @Valid @RequestBody OutputsRequest request, @AuthenticationPrincipal OrgPrincipal caller) {
        return StudioView.of(registry.reportOutputs(id, new Studio.Outputs(year, request.projects(),
                request.patents(), request.peopleTrained(), request.benefitFen()), caller));
    }

    @GetMapping("/{id}")
    StudioView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return StudioView.of(registry.get(id, caller));
    }

    @GetMapping
    PageView<StudioView> list(@RequestParam(required = false) StudioLevel level,
                              @RequestParam(required = false) StudioStatus status,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                              @AuthenticationPrincipal OrgPrincipal caller) {
        return registry.list(caller, level, status, page, size).map(StudioView::of);
    }

    /** Active studios whose review was due before {@code asOf} (default today), the longest overdue first. */
    @GetMapping("/overdue-reviews")
    PageView<StudioView> overdue(@RequestParam(required = false) LocalDate asOf,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return registry.overdue(caller, asOf, page, size).map(StudioView::of);
    }

    record RegisterRequest(@NotBlank @Size(max = 64) String orgId, @NotBlank @Size(max = 200) String name,
                           @NotBlank @Size(max = 18) String unitCreditCode,
                           @NotBlank @Size(max = 64) String leaderMemberId, @NotNull StudioLevel level,
                           Boolean demonstration, @Size(max = 200) String alliance, @NotNull LocalDate foundedOn,
                           @Min(1) @Max(120) Integer reviewPeriodMonths,
                           @PositiveOrZero @Max(1_000_000_000_000L) Long fundingGrantedFen) {
    }

    record LevelRequest(@NotNull StudioLevel level, @NotNull LocalDate effectiveOn) {
    }

    record ReviewRequest(@NotNull StudioRating rating, @NotNull LocalDate reviewedOn,
                         @PositiveOrZero @Max(1_000_000_000_000L) Long fundingGrantedFen) {
    }

    record OutputsRequest(@NotNull @Min(0) @Max(100_000) Integer projects, @NotNull @Min(0) @Max(100_000) Integer patents,
                          @NotNull @Min(0) @Max(1_000_000) Integer peopleTrained,
                          @NotNull @PositiveOrZero @Max(1_000_000_000_000_000L) Long benefitFen) {
    }

    record StudioView(String id, String orgId, String orgPath, String name, String unitCreditCode,
                      String leaderMemberId, StudioLevel level, boolean demonstration, String alliance,
                      LocalDate foundedOn, int reviewPeriodMonths, LocalDate nextReviewDue, Long fundingGrantedFen,
                      StudioStatus status, List<Studio.LevelChange> levelChanges, List<Studio.Review> reviews,
                      List<Studio.Outputs> outputs) {

        static StudioView of(Studio s) {
            return new StudioView(s.id(), s.orgId(), s.orgPath(), s.name(), s.unitCreditCode(), s.leaderMemberId(),
                    s.level(), s.demonstration(), s.alliance(), s.foundedOn(), s.reviewPeriodMonths(),
                    s.nextReviewDue(), s.fundingGrantedFen(), s.status(), s.levelChanges(), s.reviews(), s.outputs());
        }
    }
}
