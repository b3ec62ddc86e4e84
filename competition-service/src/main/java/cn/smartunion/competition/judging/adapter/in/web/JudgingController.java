package cn.smartunion.competition.judging.adapter.in.web;

import cn.smartunion.competition.judging.application.Judging;
import cn.smartunion.competition.judging.application.JudgingSetup;
import cn.smartunion.competition.judging.domain.AwardBand;
import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.Panel;
import cn.smartunion.competition.judging.domain.Recusal;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.StageEntry;
import cn.smartunion.competition.judging.domain.TieBreak;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.contracts.competition.TitleType;
import cn.smartunion.runtime.scope.OrgPrincipal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Judging a competition's stages.
 * <ul>
 * <li>{@code PUT .../stages/{stage}/marking-scheme} — the organiser (role and subtree) sets the scheme; a replace,
 * so retries are idempotent; 409 once the first score froze it. {@code GET} for readers in scope and panel judges.</li>
 * <li>{@code PUT .../stages/{stage}/panel} — the organiser appoints judges by memberId and names the chief judge; a
 * replace (idempotent). {@code GET} for readers in scope.</li>
 * <li>{@code GET .../stages/{stage}/my-entries} — a panel judge: the entries they may score.</li>
 * <li>{@code POST .../stages/{stage}/entries/{entryId}/recusal} — a panel judge recuses themselves with a reason code;
 * idempotent (the first record stays).</li>
 * <li>{@code POST .../stages/{stage}/entries/{entryId}/scores} — a panel judge submits marks; idempotent by the natural
 * key (entry, criterion, judge): the same values answer the same ledger entries, a different value is 409.</li>
 * <li>{@code GET .../stages/{stage}/entries/{entryId}/scores} — the organiser or the chief judge: marks per judge.</li>
 * <li>{@code GET .../stages/{stage}/recusals} — the organiser or the chief judge: the recusal log, paginated.</li>
 * <li>{@code GET .../score-ledger/verification} — the organiser or analysts in scope, or a chief judge: walks the
 * hash chain.</li>
 * </ul>
 */
@RestController
@Validated
@RequestMapping("/api/competition/v1/competitions/{competitionId}")
class JudgingController {

    private final JudgingSetup setup;
    private final Judging judging;

    JudgingController(JudgingSetup setup, Judging judging) {
        this.setup = setup;
        this.judging = judging;
    }

    @PutMapping("/stages/{stage}/marking-scheme")
    SchemeView setScheme(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                         @Valid @RequestBody SchemeRequest request, @AuthenticationPrincipal OrgPrincipal caller) {
        return SchemeView.of(setup.setScheme(competitionId, stage, new JudgingSetup.SetScheme(
                request.criteria().stream().map(c -> new Criterion(c.code(), c.name(), c.kind(), c.maxMarks()))
                        .toList(), request.minJudges(), request.tieBreaks(), request.appealWindow(),
                request.awardBands() == null ? null : request.awardBands().stream()
                        .map(b -> new AwardBand(b.fromRank(), b.toRank(), b.prizeClass(), b.title(), b.skillLevel()))
                        .toList(), request.advancing()), caller));
    }

    @GetMapping("/stages/{stage}/marking-scheme")
    SchemeView scheme(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                      @AuthenticationPrincipal OrgPrincipal caller) {
        return SchemeView.of(setup.scheme(competitionId, stage, caller));
    }

    @PutMapping("/stages/{stage}/panel")
    PanelView appoint(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                      @Valid @RequestBody PanelRequest request, @AuthenticationPrincipal OrgPrincipal caller) {
        return PanelView.of(setup.appoint(competitionId, stage, request.judges(), request.chiefJudge(), caller));
    }

    @GetMapping("/stages/{stage}/panel")
    PanelView panel(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                    @AuthenticationPrincipal OrgPrincipal caller) {
        return PanelView.of(setup.panel(competitionId, stage, caller));
    }

    @GetMapping("/stages/{stage}/my-entries")
    List<OfferedEntry> myEntries(@PathVariable @Size(max = 64) String competitionId,
                                 @PathVariable @Size(max = 64) String stage,
                                 @AuthenticationPrincipal OrgPrincipal caller) {
        return judging.myEntries(competitionId, stage, caller).stream().map(OfferedEntry::of).toList();
    }

    @PostMapping("/stages/{stage}/entries/{entryId}/recusal")
    RecusalView recuse(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                       @PathVariable @Size(max = 64) String entryId, @Valid @RequestBody RecusalRequest request,
                       @AuthenticationPrincipal OrgPrincipal caller) {
        return RecusalView.of(judging.recuse(competitionId, stage, entryId, request.reason(), caller));
    }

    @PostMapping("/stages/{stage}/entries/{entryId}/scores")
    List<LedgerEntryView> score(@PathVariable @Size(max = 64) String competitionId,
                                @PathVariable @Size(max = 64) String stage,
                                @PathVariable @Size(max = 64) String entryId,
                                @Valid @RequestBody ScoreRequest request,
                                @AuthenticationPrincipal OrgPrincipal caller) {
        return judging.score(competitionId, stage, entryId, request.scores().stream()
                .map(s -> new Judging.Mark(s.criterion(), s.value())).toList(), caller)
                .stream().map(LedgerEntryView::of).toList();
    }

    @GetMapping("/stages/{stage}/entries/{entryId}/scores")
    EntryMarksView marks(@PathVariable @Size(max = 64) String competitionId, @PathVariable @Size(max = 64) String stage,
                         @PathVariable @Size(max = 64) String entryId, @AuthenticationPrincipal OrgPrincipal caller) {
        return EntryMarksView.of(judging.entryMarks(competitionId, stage, entryId, caller));
    }

    @GetMapping("/stages/{stage}/recusals")
    PageView<RecusalView> recusals(@PathVariable @Size(max = 64) String competitionId,
                                   @PathVariable @Size(max = 64) String stage,
                                   @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(PageView.MAX_PAGE_SIZE) int size,
                                   @AuthenticationPrincipal OrgPrincipal caller) {
        return judging.recusals(competitionId, stage, page, size, caller).map(RecusalView::of);
    }

    @GetMapping("/score-ledger/verification")
    LedgerChain.Verification verify(@PathVariable @Size(max = 64) String competitionId,
                                    @AuthenticationPrincipal OrgPrincipal caller) {
        return judging.verify(competitionId, caller);
    }

    record CriterionRequest(@NotBlank @Size(max = 64) String code, @NotBlank @Size(max = 200) String name,
                            @NotNull CriterionKind kind, @NotNull @Min(1) @Max(100) Integer maxMarks) {
    }

    record AwardBandRequest(@NotNull @Min(1) Integer fromRank, @NotNull @Min(1) Integer toRank,
                            @NotNull PrizeClass prizeClass, TitleType title, SkillLevel skillLevel) {
    }

    record SchemeRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid CriterionRequest> criteria,
                         @Min(3) @Max(50) Integer minJudges,
                         @Size(max = 10) List<@NotBlank @Size(max = 100) String> tieBreaks,
                         @Size(max = 32) String appealWindow,
                         @Size(max = 20) List<@NotNull @Valid AwardBandRequest> awardBands,
                         @Min(1) @Max(100_000) Integer advancing) {
    }

    record SchemeView(String competitionId, String stage, List<Criterion> criteria, int minJudges,
                      List<String> tieBreaks, Duration appealWindow, List<AwardBand> awardBands, Integer advancing,
                      boolean frozen) {

        static SchemeView of(MarkingScheme s) {
            return new SchemeView(s.competitionId(), s.stage(), s.criteria(), s.minJudges(),
                    s.tieBreaks().stream().map(TieBreak::toString).toList(), s.appealWindow(), s.awardBands(),
                    s.advancing(), s.frozen());
        }
    }

    record PanelRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 64) String> judges,
                        @NotBlank @Size(max = 64) String chiefJudge) {
    }

    record PanelView(String competitionId, String stage, List<String> judges, String chiefJudge) {

        static PanelView of(Panel p) {
            return new PanelView(p.competitionId(), p.stage(), p.judges(), p.chiefJudge());
        }
    }

    /** What a judge sees of an entry: ids and the trade, no names. */
    record OfferedEntry(String entryId, String entrantType, String trade, int participants) {

        static OfferedEntry of(StageEntry e) {
            return new OfferedEntry(e.entryId(), e.entrantType(), e.trade(), e.participants().size());
        }
    }

    record RecusalRequest(@NotNull Recusal.RecusalCode reason) {
    }

    record RecusalView(String competitionId, String stage, String entryId, String judgeMemberId, String reason,
                       Recusal.RecusalCode recusalCode, boolean voluntary, Instant recordedAt) {

        static RecusalView of(Recusal r) {
            return new RecusalView(r.competitionId(), r.stage(), r.entryId(), r.judgeMemberId(), r.reason().name(),
                    r.recusalCode(), r.voluntary(), r.recordedAt());
        }
    }

    record MarkRequest(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}") String criterion,
                       @NotNull @Digits(integer = 3, fraction = 2) BigDecimal value) {
    }

    record ScoreRequest(@NotEmpty @Size(max = 50) List<@NotNull @Valid MarkRequest> scores) {
    }

    record LedgerEntryView(long seq, String kind, String entryId, String criterion, String judgeMemberId,
                           BigDecimal value, Long correctsSeq, String appealId, String recordedBy, Instant recordedAt,
                           String prevHash, String hash) {

        static LedgerEntryView of(LedgerEntry e) {
            return new LedgerEntryView(e.seq(), e.kind().name(), e.entryId(), e.criterion(), e.judgeMemberId(),
                    e.value(), e.correctsSeq(), e.appealId(), e.recordedBy(), e.recordedAt(), e.prevHash(), e.hash());
        }
    }

    record JudgeScoreView(String judgeMemberId, BigDecimal value, long seq, boolean corrected) {
    }

    record CriterionMarksView(String criterion, CriterionKind kind, int maxMarks, List<JudgeScoreView> scores,
                              boolean complete, BigDecimal marks, BigDecimal spread, boolean spreadFlagged) {
    }

    record EntryMarksView(String entryId, List<CriterionMarksView> criteria, boolean complete, BigDecimal total) {

        static EntryMarksView of(ScoreSheet.EntryMarks m) {
            return new EntryMarksView(m.entryId(), m.criteria().stream().map(c -> new CriterionMarksView(
                    c.criterion().code(), c.criterion().kind(), c.criterion().maxMarks(),
                    c.scores().stream().map(s -> new JudgeScoreView(s.judgeMemberId(), s.value(), s.seq(),
                            s.corrected())).toList(), c.complete(),
                    c.marks() == null ? null : c.marks().setScale(2, java.math.RoundingMode.HALF_UP), c.spread(),
                    c.spreadFlagged())).toList(), m.complete(), m.complete() ? m.total() : null);
        }
    }
}
