package cn.smartunion.competition.results.application;

import cn.smartunion.competition.access.CompetitionAccess;
import cn.smartunion.competition.judging.application.JudgingContext;
import cn.smartunion.competition.judging.application.ScoreSheetKeys;
import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.LedgerChain;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.MarkingSchemes;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.StageEntrants;
import cn.smartunion.competition.judging.domain.StageEntry;
import cn.smartunion.competition.members.domain.MemberDirectory;
import cn.smartunion.competition.members.domain.MemberView;
import cn.smartunion.competition.results.domain.Appeal;
import cn.smartunion.competition.results.domain.AppealWindowClosed;
import cn.smartunion.competition.results.domain.Appeals;
import cn.smartunion.competition.results.domain.ResultsStore;
import cn.smartunion.competition.results.domain.StageResults;
import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.competition.web.PageView;
import cn.smartunion.contracts.competition.AppealDecided;
import cn.smartunion.contracts.competition.AppealLodged;
import cn.smartunion.contracts.competition.AppealOutcome;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
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
import java.util.List;
import java.util.Objects;

/**
 * Appeals against provisional results: lodged in writing within the window by the entrant (a participant member) or
 * a registrar of the entry's union, decided by the stage's chief judge. Upheld corrections are appended to the score
 * ledger as CORRECTION entries referencing the corrected seq, then the results are republished as a new version.
 */
@Service
public class AppealDesk {

    private final JudgingContext context;
    private final StageEntrants entrants;
    private final MarkingSchemes schemes;
    private final ScoreLedger ledger;
    private final LedgerChain chain;
    private final ResultsStore results;
    private final Appeals appeals;
    private final ResultsDesk resultsDesk;
    private final MemberDirectory members;
    private final PersonalDataProtector protector;
    private final Clock clock;

    AppealDesk(JudgingContext context, StageEntrants entrants, MarkingSchemes schemes, ScoreLedger ledger,
               LedgerChain chain, ResultsStore results, Appeals appeals, ResultsDesk resultsDesk,
               MemberDirectory members, PersonalDataProtector protector, Clock clock) {
        this.context = context;
        this.entrants = entrants;
        this.schemes = schemes;
        this.ledger = ledger;
        this.chain = chain;
        this.results = results;
        this.appeals = appeals;
        this.resultsDesk = resultsDesk;
        this.members = members;
        this.protector = protector;
        this.clock = clock;
    }

    public record Found(Appeal appeal, String grounds) {
    }

    /** @param judgeMemberId null for a measurement criterion (scored once for the panel) */
    public record CorrectScore(String entryId, String criterion, String judgeMemberId, BigDecimal value,
                               String reason) {
    }

    public Appeal lodge(String competitionId, String stage, String entryId, String grounds, List<String> criteria,
                        OrgPrincipal caller) {
        context.stageOf(competitionId, stage);
        StageEntry entry = entrants.entry(competitionId, entryId).filter(e -> e.stages().contains(stage))
                .orElseThrow(() -> new NotFoundException("entry not found in this stage"));
        requireEntrantOrRegistrar(entry, caller);
        StageResults current = results.find(competitionId, stage)
                .orElseThrow(() -> new CompetitionStatusConflict("the stage's results", "NOT_PUBLISHED"));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!current.appealable(now)) {
            throw new AppealWindowClosed(current.current().appealDeadline());
        }
        if (current.rankOf(entryId).isEmpty()) {
            throw new CompetitionStatusConflict("the entry's result", "NOT_RANKED");
        }
        MarkingScheme scheme = schemes.find(competitionId, stage).orElseThrow();
        for (int i = 0; i < criteria.size(); i++) {
            if (scheme.criterion(criteria.get(i)).isEmpty()) {
                throw new CompetitionRuleViolation("criteria[" + i + "]", "not a criterion of this stage");
            }
        }
        String appealId = ResultsDesk.derivedId("appeal", competitionId, stage, entryId,
                Integer.toString(current.version()));
        Appeal appeal = new Appeal(appealId, competitionId, stage, entryId, entry.orgId(), entry.orgPath(),
                current.version(), List.copyOf(criteria), protector.encrypt(grounds.strip()), caller.subject(), now,
                Appeal.Status.OPEN, null);
        if (!appeals.lodge(appeal, new AppealLodged(appealId, competitionId, stage, entryId, current.version(),
                appeal.criteria(), entry.orgId(), entry.orgPath(), now))) {
            Appeal earlier = appeals.find(appealId).orElseThrow();
            if (!Objects.equals(earlier.lodgedBy(), caller.subject())
                    || !protector.decrypt(earlier.groundsCiphertext()).equals(grounds.strip())) {
                throw new CompetitionStatusConflict("an appeal against this results version", earlier.status().name());
            }
            return earlier;
        }
        return appeal;
    }

    private void requireEntrantOrRegistrar(StageEntry entry, OrgPrincipal caller) {
        if (caller.hasRole(CompetitionAccess.MEMBER)) {
            boolean participant = members.findByAccount(caller.subject())
                    .map(m -> entry.hasParticipant(m.memberId())).orElse(false);
            if (participant) {
                return;
            }
        }
        if (caller.hasOrgPath() && (caller.hasRole(CompetitionAccess.UNION_ADMIN)
                || caller.hasRole(CompetitionAccess.ORGANISER)) && caller.covers(entry.orgPath())) {
            return;
        }
        throw new NotFoundException("entry not found in this stage");
    }

    /**
     * The chief judge's decision. Repeating the same decision completes what an interrupted one left undone
     * (corrections, republication) and changes nothing else; a different decision is 409.
     */
    public Appeal decide(String appealId, AppealOutcome outcome, String reason, List<CorrectScore> corrections,
                         OrgPrincipal caller) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal not found"));
        MemberView chief = context.judgeMember(caller)
                .filter(j -> context.isChiefJudge(appeal.competitionId(), appeal.stage(), caller))
                .orElseThrow(() -> new AccessDeniedException("only the stage's chief judge decides appeals"));
        if (outcome == AppealOutcome.REJECTED && !corrections.isEmpty()) {
            throw new CompetitionRuleViolation("corrections", "a rejected appeal corrects nothing");
        }
        if (outcome == AppealOutcome.UPHELD && corrections.isEmpty()) {
            throw new CompetitionRuleViolation("corrections", "an upheld appeal names its corrections");
        }
        MarkingScheme scheme = schemes.find(appeal.competitionId(), appeal.stage()).orElseThrow();
        ScoreSheet sheet = new ScoreSheet(scheme, ledger.ofStage(appeal.competitionId(), appeal.stage()));
        List<Appeal.Correction> planned = new ArrayList<>();
        for (int i = 0; i < corrections.size(); i++) {
            planned.add(plan(appeal, scheme, sheet, corrections.get(i), "corrections[" + i + "]"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Appeal.Status status = outcome == AppealOutcome.UPHELD ? Appeal.Status.UPHELD : Appeal.Status.REJECTED;
        Appeal.Decision decision = new Appeal.Decision(outcome, reason, planned, caller.subject(), chief.memberId(),
                now);
        if (appeal.status() == Appeal.Status.OPEN) {
            appeals.decide(appealId, status, decision, new AppealDecided(appealId, appeal.competitionId(),
                    appeal.stage(), appeal.entryId(), outcome, planned.size(), appeal.orgId(), appeal.orgPath(), now));
        }
        Appeal decided = appeals.find(appealId).orElseThrow();
        if (decided.decision() == null || decided.decision().outcome() != outcome
                || !sameCorrections(decided.decision().corrections(), planned)) {
            throw new CompetitionStatusConflict("the appeal", decided.status().name());
        }
        if (outcome == AppealOutcome.UPHELD) {
            writeCorrections(decided);
            resultsDesk.republish(decided.competitionId(), decided.stage(), appealId);
        }
        return appeals.find(appealId).orElseThrow();
    }

    private Appeal.Correction plan(Appeal appeal, MarkingScheme scheme, ScoreSheet sheet, CorrectScore c,
                                   String field) {
        String entryId = c.entryId() == null ? appeal.entryId() : c.entryId();
        Criterion criterion = scheme.criterion(c.criterion())
                .orElseThrow(() -> new CompetitionRuleViolation(field + ".criterion", "not a criterion of this stage"));
        String scorer = criterion.kind() == CriterionKind.MEASUREMENT ? ScoreSheetKeys.PANEL : c.judgeMemberId();
        if (scorer == null) {
            throw new CompetitionRuleViolation(field + ".judgeMemberId", "the judge whose score is corrected");
        }
        ScoreSheet.Scored scored = sheet.scored(entryId, c.criterion(), scorer)
                .orElseThrow(() -> new CompetitionRuleViolation(field, "there is no such recorded score"));
        BigDecimal value = c.value().stripTrailingZeros();
        boolean valid = criterion.kind() == CriterionKind.JUDGEMENT
                ? value.scale() <= 0 && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(3)) <= 0
                : value.scale() <= 2 && value.signum() >= 0
                && value.compareTo(BigDecimal.valueOf(criterion.maxMarks())) <= 0;
        if (!valid) {
            throw new CompetitionRuleViolation(field + ".value", "outside the criterion's range");
        }
        long original = originalSeq(appeal.competitionId(), scored);
        return new Appeal.Correction(entryId, c.criterion(), scorer,
                value.setScale(criterion.kind() == CriterionKind.JUDGEMENT ? 0 : 2, RoundingMode.UNNECESSARY),
                c.reason(), original, null);
    }

    /** The seq of the original SCORE entry (a correction of a correction still references the original). */
    private long originalSeq(String competitionId, ScoreSheet.Scored scored) {
        if (!scored.corrected()) {
            return scored.seq();
        }
        return ledger.find(competitionId, scored.seq()).map(LedgerEntry::correctsSeq).orElse(scored.seq());
    }

    private static boolean sameCorrections(List<Appeal.Correction> stored, List<Appeal.Correction> planned) {
        if (stored.size() != planned.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Appeal.Correction a = stored.get(i);
            Appeal.Correction b = planned.get(i);
            if (!a.entryId().equals(b.entryId()) || !a.criterion().equals(b.criterion())
                    || !a.judgeMemberId().equals(b.judgeMemberId()) || a.value().compareTo(b.value()) != 0) {
                return false;
            }
        }
        return true;
    }

    private void writeCorrections(Appeal appeal) {
        List<Appeal.Correction> corrections = appeal.decision().corrections();
        for (int i = 0; i < corrections.size(); i++) {
            Appeal.Correction c = corrections.get(i);
            if (c.ledgerSeq() != null) {
                continue;
            }
            LedgerEntry written = ledger.correction(appeal.competitionId(), appeal.appealId(), c.correctsSeq())
                    .orElseGet(() -> ledger.append(appeal.competitionId(), head -> chain.append(head,
                            appeal.competitionId(), LedgerEntry.Kind.CORRECTION, appeal.stage(), c.entryId(),
                            c.criterion(), c.judgeMemberId(), c.value(), c.correctsSeq(), appeal.appealId(),
                            c.reason(), appeal.decision().decidedBy(),
                            clock.instant().truncatedTo(ChronoUnit.MILLIS))));
            appeals.correctionWritten(appeal.appealId(), i, written.seq());
        }
    }

    /** The appeal for the stage's organiser or chief judge, or the registrar/entrant who may appeal for the entry. */
    public Found get(String appealId, OrgPrincipal caller) {
        Appeal appeal = appeals.find(appealId).orElseThrow(() -> new NotFoundException("appeal not found"));
        if (!context.isChiefJudge(appeal.competitionId(), appeal.stage(), caller)) {
            CompetitionView competition = context.competition(appeal.competitionId());
            boolean organiser = caller.hasOrgPath() && caller.hasRole(CompetitionAccess.ORGANISER)
                    && caller.covers(competition.orgPath());
            if (!organiser) {
                StageEntry entry = entrants.entry(appeal.competitionId(), appeal.entryId())
                        .orElseThrow(() -> new NotFoundException("appeal not found"));
                try {
                    requireEntrantOrRegistrar(entry, caller);
                }
                catch (NotFoundException outside) {
                    throw new NotFoundException("appeal not found");
                }
            }
        }
        return new Found(appeal, protector.decrypt(appeal.groundsCiphertext()));
    }

    public PageView<Appeal> list(String competitionId, String stage, int page, int size, OrgPrincipal caller) {
        context.asOrganiserOrChief(competitionId, stage, caller);
        return new PageView<>(appeals.list(competitionId, stage, page, size), page, size,
                appeals.count(competitionId, stage));
    }
}
