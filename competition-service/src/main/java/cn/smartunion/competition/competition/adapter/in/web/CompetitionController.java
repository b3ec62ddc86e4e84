package cn.smartunion.competition.competition.adapter.in.web;

import cn.smartunion.competition.competition.application.CompetitionOrganisation;
import cn.smartunion.competition.competition.domain.Competition;
import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.competition.domain.CompetitionStatus;
import cn.smartunion.competition.competition.domain.Competitions;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.CoOrganiserKind;
import cn.smartunion.contracts.competition.CompetitionClass;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionType;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Competitions (劳动和技能竞赛): organisers ({@code competition-organiser}) create them as drafts in their subtree, edit,
 * publish, close and cancel them; staff read their subtree's, everyone signed in reads published ones.
 *
 * <p>Retries: creating and editing take an {@code Idempotency-Key} (the same key and body answer the first response
 * again, 201 on a create); publishing, closing and cancelling are idempotent in effect without a key, as a repeat finds
 * the competition no longer in the status the step needs and is answered 409 with the status it is in.
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/competitions")
class CompetitionController {

    static final String ID = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$";
    static final String CODE = "^[A-Z][A-Z0-9_]{1,63}$";
    static final String PATH = "^[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*$";

    private final CompetitionOrganisation organisation;
    private final Clock clock;

    CompetitionController(CompetitionOrganisation organisation, Clock clock) {
        this.organisation = organisation;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<CompetitionView> create(@Valid @RequestBody CompetitionRequest request,
                                           @AuthenticationPrincipal OrgPrincipal caller) {
        Competition created = organisation.create(request.orgId(), request.details(), caller);
        return ResponseEntity.created(URI.create("/api/competition/v1/competitions/" + created.id()))
                .body(view(created));
    }

    @PutMapping("/{id}")
    CompetitionView edit(@PathVariable @Size(max = 64) String id, @Valid @RequestBody CompetitionRequest request,
                         @AuthenticationPrincipal OrgPrincipal caller) {
        return view(organisation.edit(id, request.orgId(), request.details(), caller));
    }

    @PostMapping("/{id}/publication")
    CompetitionView publish(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(organisation.publish(id, caller));
    }

    @PostMapping("/{id}/closure")
    CompetitionView close(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(organisation.close(id, caller));
    }

    @PostMapping("/{id}/cancellation")
    CompetitionView cancel(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(organisation.cancel(id, caller));
    }

    @GetMapping("/{id}")
    CompetitionView get(@PathVariable @Size(max = 64) String id, @AuthenticationPrincipal OrgPrincipal caller) {
        return view(organisation.get(id, caller));
    }

    /** @param orgPath only competitions organised in this subtree; openNow only those taking registrations now */
    @GetMapping
    PageView<CompetitionView> list(@RequestParam(required = false) CompetitionStatus status,
                                   @RequestParam(required = false) CompetitionType type,
                                   @RequestParam(required = false) CompetitionLevel level,
                                   @RequestParam(required = false) @Size(max = 64) String brand,
                                   @RequestParam(required = false) @Pattern(regexp = CODE) String trade,
                                   @RequestParam(required = false) @Size(max = 200) @Pattern(regexp = PATH)
                                   String orgPath,
                                   @RequestParam(defaultValue = "false") boolean openNow,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                   @AuthenticationPrincipal OrgPrincipal caller) {
        return organisation.list(caller, new Competitions.Filter(null, status, type, level, brand, trade, orgPath,
                null), openNow, page, size).map(this::view);
    }

    private CompetitionView view(Competition c) {
        return CompetitionView.of(c, c.registrationOpenAt(clock.instant()));
    }

    record CoOrganiserRequest(@NotNull CoOrganiserKind kind, @NotBlank @Size(max = 200) String name) {
    }

    record TeamSizeRequest(@NotNull @Min(1) @Max(200) Integer min, @NotNull @Min(1) @Max(200) Integer max) {
    }

    record EligibilityRequest(Boolean membersOnly,
                              @Size(max = 32) List<@NotNull @Pattern(regexp = CODE) String> groupTags,
                              @Min(0) @Max(120) Integer minAge,
                              @Min(0) @Max(120) Integer maxAge) {
    }

    record WindowRequest(@NotNull Instant opensAt, @NotNull Instant closesAt) {
    }

    record StageRequest(@NotNull @Pattern(regexp = CODE) String code, @Size(max = 100) String name) {
    }

    record CompetitionRequest(@NotBlank @Size(max = 64) String orgId,
                              @NotBlank @Size(max = 200) String name,
                              @Size(max = 64) String brand,
                              @NotNull CompetitionType type,
                              @NotNull CompetitionLevel level,
                              @NotNull CompetitionClass competitionClass,
                              @Size(max = 20) List<@Valid @NotNull CoOrganiserRequest> coOrganisers,
                              @Size(max = 200) List<@NotNull @Pattern(regexp = CODE) String> trades,
                              @NotEmpty @Size(max = 4) List<@NotNull EntrantType> entrantTypes,
                              @Valid TeamSizeRequest teamSize,
                              @Valid EligibilityRequest eligibility,
                              @NotNull @Valid WindowRequest registrationWindow,
                              @Size(max = 10) List<@Valid @NotNull StageRequest> stages,
                              @Size(max = 64) @Pattern(regexp = ID) String campaignId,
                              @Min(1) @Max(100_000) Integer quotaPerUnion) {

        CompetitionDetails details() {
            EligibilityRequest e = eligibility == null ? new EligibilityRequest(false, List.of(), null, null)
                    : eligibility;
            return new CompetitionDetails(name, brand, type, level, competitionClass,
                    coOrganisers == null ? List.of() : coOrganisers.stream()
                            .map(c -> new CompetitionDetails.CoOrganiser(c.kind(), c.name().strip())).toList(),
                    trades, entrantTypes,
                    teamSize == null ? null : new CompetitionDetails.TeamSize(teamSize.min(), teamSize.max()),
                    new CompetitionDetails.Eligibility(Boolean.TRUE.equals(e.membersOnly()), e.groupTags(),
                            e.minAge(), e.maxAge()),
                    new CompetitionDetails.Window(registrationWindow.opensAt(), registrationWindow.closesAt()),
                    stages == null ? List.of() : stages.stream()
                            .map(s -> new CompetitionDetails.Stage(s.code(), s.name(), 0)).toList(),
                    campaignId, quotaPerUnion);
        }
    }

    record CompetitionView(String id, String orgId, String orgPath, CompetitionStatus status, boolean registrationOpen,
                           String name, String brand, CompetitionType type, CompetitionLevel level,
                           CompetitionClass competitionClass, List<CompetitionDetails.CoOrganiser> coOrganisers,
                           List<String> trades, List<EntrantType> entrantTypes, CompetitionDetails.TeamSize teamSize,
                           CompetitionDetails.Eligibility eligibility, CompetitionDetails.Window registrationWindow,
                           List<CompetitionDetails.Stage> stages, String campaignId, Integer quotaPerUnion,
                           Instant createdAt, Instant publishedAt) {

        static CompetitionView of(Competition c, boolean open) {
            CompetitionDetails d = c.details();
            return new CompetitionView(c.id(), c.orgId(), c.orgPath(), c.status(), open, d.name(), d.brand(),
                    d.type(), d.level(), d.competitionClass(), d.coOrganisers(), d.trades(), d.entrantTypes(),
                    d.teamSize(), d.eligibility(), d.window(), d.stages(), d.campaignId(), d.quotaPerUnion(),
                    c.createdAt(), c.publishedAt());
        }
    }
}
