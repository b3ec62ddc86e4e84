package cn.smartunion.competition.results.adapter.in.web;

import cn.smartunion.competition.results.application.AppealDesk;
import cn.smartunion.competition.results.application.ResultsDesk;
import cn.smartunion.competition.results.domain.Appeal;
import cn.smartunion.competition.results.domain.StageResults;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.AppealOutcome;
import cn.smartunion.contracts.competition.RankedEntry;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A stage's results and appeals.
 * <ul>
 * <li>{@code POST .../stages/{stage}/results} — the organiser or chief judge publishes provisional results once every
 * entry is scored; idempotent (a repeat answers the published results).</li>
 * <li>{@code GET .../stages/{stage}/results} — staff in scope, the stage's judges, the competition's entrants.</li>
 * <li>{@code POST .../stages/{stage}/results/finalisation} — the organiser or chief judge, after the deadline with no
 * appeal open; idempotent (titles and certifications have derived ids; a repeat completes an interrupted one).</li>
 * <li>{@code POST .../stages/{stage}/entries/{entryId}/appeals} — the entrant or a registrar of the entry's union,
 * within the window; one appeal per entry and results version (natural key), a repeat by the same caller with the
 * same grounds answers it again.</li>
 * <li>{@code GET .../stages/{stage}/appeals} — the organiser or chief judge, paginated.</li>
 * <li>{@code GET /appeals/{appealId}} — the chief judge, the organiser, or who may appeal for the entry.</li>
 * <li>{@code POST /appeals/{appealId}/decision} — the chief judge; repeating the same decision is idempotent.</li>
 * </ul>
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/competitions/{competitionId}")
class ResultsController {

    private final ResultsDesk results;
    private final AppealDesk appeals;

    ResultsController(ResultsDesk results, AppealDesk appeals) {
        this.results = results;
        this.appeals = appeals;
    }

    @PostMapping("/stages/{stage}/results")
    ResultsView publish(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                        @AuthenticationPrincipal OrgPrincipal caller) {
        return ResultsView.of(results.publish(competitionId, stage, caller));
    }

    @GetMapping("/stages/{stage}/results")
    ResultsView results(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                        @AuthenticationPrincipal OrgPrincipal caller) {
        return ResultsView.of(results.view(competitionId, stage, caller));
    }

    @PostMapping("/stages/{stage}/results/finalisation")
    ResultsView finalise(@PathVariable @Size(max = 64) String competitionId,
                         @PathVariable @Size(max = 64) String stage, @AuthenticationPrincipal OrgPrincipal caller) {
        return ResultsView.of(results.finalise(competitionId, stage, caller));
    }

    @PostMapping("/stages/{stage}/entries/{entryId}/appeals")
    @ResponseStatus(HttpStatus.CREATED)
    AppealView lodge(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                     @PathVariable @Size(max = 64) String entryId, @Valid @RequestBody AppealRequest request,
                     @AuthenticationPrincipal OrgPrincipal caller) {
        Appeal appeal = appeals.lodge(competitionId, stage, entryId, request.grounds(), request.criteria(), caller);
        return AppealView.of(new AppealDesk.Found(appeal, request.grounds().strip()));
    }

    @GetMapping("/stages/{stage}/appeals")
    PageView<AppealView> appeals(@PathVariable @Size(max = 64) String competitionId,
                                 @PathVariable @Size(max = 64) String stage,
                                 @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return appeals.list(competitionId, stage, page, size, caller)
                .map(a -> AppealView.of(new AppealDesk.Found(a, null)));
    }

    record AppealRequest(@NotBlank @Size(max = 2000) String grounds,
                         @NotNull @Size(max = 50) List<@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String>
                                 criteria) {

        @Override
        public String toString() {
            return "AppealRequest[" + criteria + "]";
        }
    }

    record VersionView(int version, Instant publishedAt, Instant appealDeadline, String appealId,
                       List<RankedEntry> ranking) {
    }

    record ResultsView(String competitionId, String stage, StageResults.Status status, int version,
                       Instant appealDeadline, List<RankedEntry> ranking, List<VersionView> versions,
                       Instant finalisedAt) {

        static ResultsView of(StageResults r) {
            return new ResultsView(r.competitionId(), r.stage(), r.status(), r.version(),
                    r.current().appealDeadline(), r.current().ranking(), r.versions().stream()
                    .map(v -> new VersionView(v.version(), v.publishedAt(), v.appealDeadline(), v.appealId(),
                            v.ranking())).toList(), r.finalisedAt());
        }
    }

    record CorrectionView(String entryId, String criterion, String judgeMemberId, BigDecimal value, String reason,
                          long correctsSeq, Long ledgerSeq) {
    }

    record DecisionView(AppealOutcome outcome, String reason, String decidedBy, String chiefJudgeMemberId,
                        Instant decidedAt, List<CorrectionView> corrections) {
    }

    /** @param grounds the written grounds, only in answers to who lodged or reads a single appeal */
    record AppealView(String appealId, String competitionId, String stage, String entryId, int resultsVersion,
                      List<String> criteria, String grounds, String lodgedBy, Instant lodgedAt, Appeal.Status status,
                      DecisionView decision) {

        static AppealView of(AppealDesk.Found found) {
            Appeal a = found.appeal();
            Appeal.Decision d = a.decision();
            return new AppealView(a.appealId(), a.competitionId(), a.stage(), a.entryId(), a.resultsVersion(),
                    a.criteria(), found.grounds(), a.lodgedBy(), a.lodgedAt(), a.status(), d == null ? null
                    : new DecisionView(d.outcome(), d.reason(), d.decidedBy(), d.chiefJudgeMemberId(), d.decidedAt(),
                    d.corrections().stream().map(c -> new CorrectionView(c.entryId(), c.criterion(),
                            c.judgeMemberId(), c.value(), c.reason(), c.correctsSeq(), c.ledgerSeq())).toList()));
        }
    }

    @RestController
    @Validated
    @RequestMapping("/api/competition/v1/appeals")
    static class AppealDecisions {

        private final AppealDesk appeals;

        AppealDecisions(AppealDesk appeals) {
            this.appeals = appeals;
        }

        @GetMapping("/{appealId}")
        AppealView get(@PathVariable @Size(max = 64) String appealId, @AuthenticationPrincipal OrgPrincipal caller) {
            return AppealView.of(appeals.get(appealId, caller));
        }

        @PostMapping("/{appealId}/decision")
        AppealView decide(@PathVariable @Size(max = 64) String appealId, @Valid @RequestBody DecisionRequest request,
                          @AuthenticationPrincipal OrgPrincipal caller) {
            appeals.decide(appealId, request.outcome(), request.reason(), request.corrections() == null ? List.of()
                    : request.corrections().stream().map(c -> new AppealDesk.CorrectScore(c.entryId(),
                    c.criterion(), c.judgeMemberId(), c.value(), c.reason())).toList(), caller);
            return AppealView.of(appeals.get(appealId, caller));
        }
    }

    record CorrectionRequest(@Size(max = 64) String entryId,
                             @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String criterion,
                             @Size(max = 64) String judgeMemberId,
                             @NotNull @Digits(integer = 3, fraction = 2) BigDecimal value,
                             @NotBlank @Size(max = 500) String reason) {
    }

    record DecisionRequest(@NotNull AppealOutcome outcome, @NotBlank @Size(max = 2000) String reason,
                           @Size(max = 50) List<@NotNull @Valid CorrectionRequest> corrections) {
    }
}
