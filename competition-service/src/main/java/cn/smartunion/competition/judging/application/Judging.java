package cn.smartunion.competition.judging.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.ConflictOfInterest;
import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.ExclusionReason;
import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.MarkingSchemes;
import cn.smartunion.competition.judging.domain.Recusal;
import cn.smartunion.competition.judging.domain.Recusals;
import cn.smartunion.competition.judging.domain.ScoreClaims;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.StageEntrants;
import cn.smartunion.competition.judging.domain.StageEntry;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Judges score the entries they are offered: conflicts of interest (own entry, same grassroots union, same employer)
 * and recusals keep entries away from a judge, and are logged. A score is final once submitted and goes into the
 * competition's hash-chained ledger, which the organiser, chief judges and analysts can verify.
 */
@Service
public class Judging {

    private final JudgingContext context;
    private final StageEntrants entrants;
    private final MarkingSchemes schemes;
    private final Recusals recusals;
    private final ScoreClaims claims;
    private final ScoreLedger ledger;
    private final LedgerChain chain;
    private final ScoreSheetFinalisation finalisation;
    private final Clock clock;

    Judging(JudgingContext context, StageEntrants entrants, MarkingSchemes schemes, Recusals recusals,
            ScoreClaims claims, ScoreLedger ledger, LedgerChain chain, ScoreSheetFinalisation finalisation,
            Clock clock) {
        this.context = context;
        this.entrants = entrants;
        this.schemes = schemes;
        this.recusals = recusals;
        this.claims = claims;
        this.ledger = ledger;
        this.chain = chain;
        this.finalisation = finalisation;
        this.clock = clock;
    }

    public record Mark(String criterion, BigDecimal value) {
    }

    /** The entries the calling judge may score (excluded ones are logged and left out). */
    public List<StageEntry> myEntries(String competitionId, String stage, OrgPrincipal caller) {
        context.stageOf(competitionId, stage);
        MemberView judge = context.asPanelJudge(competitionId, stage, caller);
        List<StageEntry> offered = new ArrayList<>();
        for (StageEntry entry : entrants.registeredIn(competitionId, stage)) {
            if (exclusion(judge, stage, entry).isEmpty()) {
                offered.add(entry);
            }
        }
        return offered;
    }

    public Recusal recuse(String competitionId, String stage, String entryId, Recusal.RecusalCode code,
                          OrgPrincipal caller) {
        context.stageOf(competitionId, stage);
        MemberView judge = context.asPanelJudge(competitionId, stage, caller);
        entryInStage(competitionId, stage, entryId);
        recusals.record(new Recusal(competitionId, stage, entryId, judge.memberId(), ExclusionReason.RECUSED, code,
                clock.instant()));
        return recusals.find(competitionId, stage, entryId, judge.memberId()).orElseThrow();
    }

    /**
     * Records the judge's marks for an entry. A repeat with the same values answers the same ledger entries; a
     * different value for a recorded score is {@link ScoreFinal}. The submission that completes the entry's sheet
     * (and any repeat of it) finalises the sheet once ({@code ScoresFinalised}).
     */
    public List<LedgerEntry> score(String competitionId, String stage, String entryId, List<Mark> marks,
                                   OrgPrincipal caller) {
        CompetitionView competition = context.stageOf(competitionId, stage);
        MemberView judge = context.asPanelJudge(competitionId, stage, caller);
        if (!competition.judgeable()) {
            throw new CompetitionStatusConflict("the competition", competition.status());
        }
        StageEntry entry = entryInStage(competitionId, stage, entryId);
        if (!entry.registered()) {
            throw new CompetitionStatusConflict("the entry", entry.status());
        }
        Optional<ExclusionReason> excluded = exclusion(judge, stage, entry);
        if (excluded.isPresent()) {
            throw new ConflictOfInterest.Excluded(excluded.get());
        }
        MarkingScheme scheme = schemes.freeze(competitionId, stage)
                .orElseThrow(() -> new CompetitionStatusConflict("the stage's marking scheme", "MISSING"));
        List<Mark> normalised = validated(scheme, marks);
        List<LedgerEntry> recorded = new ArrayList<>();
        for (Mark mark : normalised) {
            Criterion criterion = scheme.criterion(mark.criterion()).orElseThrow();
            // a measurement is entered once per entry, whichever panel judge enters it
            String scorer = criterion.kind() == CriterionKind.MEASUREMENT ? ScoreSheetKeys.PANEL : judge.memberId();
            recorded.add(record(competitionId, stage, entryId, mark, scorer, caller.subject()));
        }
        finalisation.afterScoring(competition, scheme, entryId);
        return recorded;
    }

    private LedgerEntry record(String competitionId, String stage, String entryId, Mark mark, String scorer,
                               String recordedBy) {
        Optional<ScoreClaims.Claim> earlier = claims.claim(competitionId, stage, entryId, mark.criterion(), scorer,
                mark.value());
        if (earlier.isPresent()) {
            ScoreClaims.Claim claim = earlier.get();
            if (claim.value().compareTo(mark.value()) != 0) {
                throw new ScoreFinal(mark.criterion(), claim.ledgerSeq() == null ? 0 : claim.ledgerSeq());
            }
            if (claim.ledgerSeq() != null) {
                return ledger.find(competitionId, claim.ledgerSeq()).orElseThrow();
            }
            // claimed but not yet recorded (a retry, or a submission racing this one): appending is safe, the ledger
            // keeps one score per judge, entry and criterion and answers with the one already there
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        LedgerEntry entry = ledger.append(competitionId, head -> chain.append(head, competitionId,
                LedgerEntry.Kind.SCORE, stage, entryId, mark.criterion(), scorer, mark.value(), null, null, null,
                recordedBy, now));
        claims.recorded(competitionId, stage, entryId, mark.criterion(), scorer, entry.seq());
        return entry;
    }

    private static List<Mark> validated(MarkingScheme scheme, List<Mark> marks) {
        Set<String> seen = new HashSet<>();
        List<Mark> normalised = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark mark = marks.get(i);
            String field = "scores[" + i + "]";
            Criterion criterion = scheme.criterion(mark.criterion()).orElseThrow(
                    () -> new CompetitionRuleViolation(field + ".criterion",
                            "not a criterion of this stage's marking scheme"));
            if (!seen.add(mark.criterion())) {
                throw new CompetitionRuleViolation("scores[" + i + "].criterion", "each criterion once");
            }
            BigDecimal value = mark.value().stripTrailingZeros();
            if (criterion.kind() == CriterionKind.JUDGEMENT) {
                if (value.scale() > 0 || value.compareTo(BigDecimal.ZERO) < 0
                        || value.compareTo(BigDecimal.valueOf(3)) > 0) {
                    throw new CompetitionRuleViolation("scores[" + i + "].value",
                            "a judgement score is a whole number from 0 to 3");
                }
                normalised.add(new Mark(mark.criterion(), value.setScale(0, RoundingMode.UNNECESSARY)));
            }
            else {
                if (value.scale() > 2 || value.compareTo(BigDecimal.ZERO) < 0
                        || value.compareTo(BigDecimal.valueOf(criterion.maxMarks())) > 0) {
                    throw new CompetitionRuleViolation("scores[" + i + "].value",
                            "a measurement awards 0 to the criterion's maximum marks, at most two decimals");
                }
                normalised.add(new Mark(mark.criterion(), value.setScale(2, RoundingMode.UNNECESSARY)));
            }
        }
        return normalised;
    }

    /** The entry's marks per criterion and judge, with judgement spreads over 1 point flagged. */
    public ScoreSheet.EntryMarks entryMarks(String competitionId, String stage, String entryId, OrgPrincipal caller) {
        context.asOrganiserOrChief(competitionId, stage, caller);
        entryInStage(competitionId, stage, entryId);
        MarkingScheme scheme = schemes.find(competitionId, stage)
                .orElseThrow(() -> new NotFoundException("no marking scheme yet"));
        return new ScoreSheet(scheme, ledger.ofStage(competitionId, stage)).marksOf(entryId);
    }

    public PageView<Recusal> recusals(String competitionId, String stage, int page, int size, OrgPrincipal caller) {
        context.asOrganiserOrChief(competitionId, stage, caller);
        return new PageView<>(recusals.list(competitionId, stage, page, size), page, size,
                recusals.count(competitionId, stage));
    }

    /** Walks the competition's ledger; for its organiser or analysts in scope and its chief judges. */
    public LedgerChain.Verification verify(String competitionId, OrgPrincipal caller) {
        CompetitionView competition = context.competition(competitionId);
        if (!context.chairsAnyPanel(competitionId, caller)) {
            if (!caller.hasRole(CompetitionAccess.ORGANISER) && !caller.hasRole(CompetitionAccess.ANALYST)) {
                throw new AccessDeniedException("for the organiser, analysts and chief judges");
            }
            caller.requireCovers(competition.orgPath(), "competition not found");
        }
        LedgerChain.Verifier verifier = chain.verifier();
        ledger.walk(competitionId, verifier::accept);
        return verifier.result();
    }

    private StageEntry entryInStage(String competitionId, String stage, String entryId) {
        return entrants.entry(competitionId, entryId).filter(e -> e.stages().contains(stage))
                .orElseThrow(() -> new NotFoundException("entry not found in this stage"));
    }

    /** Why the judge may not score the entry, logging automatic exclusions once. */
    private Optional<ExclusionReason> exclusion(MemberView judge, String stage, StageEntry entry) {
        Optional<ExclusionReason> conflict = ConflictOfInterest.between(judge.memberId(), judge.orgId(),
                judge.employerCreditCode(), entry);
        if (conflict.isPresent()) {
            recusals.record(new Recusal(entry.competitionId(), stage, entry.entryId(), judge.memberId(),
                    conflict.get(), null, clock.instant()));
            return conflict;
        }
        return recusals.find(entry.competitionId(), stage, entry.entryId(), judge.memberId()).map(Recusal::reason);
    }
}
