package cn.smartunion.competition.judging.application;

import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.FinalisedScoreSheet;
import cn.smartunion.competition.judging.domain.FinalisedScoreSheets;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.contracts.competition.ScoresFinalised;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/**
 * Records an entry's score sheet once it is complete and publishes {@code ScoresFinalised} with it. Called after
 * every score submission, a retried one included, so a crash between a judge's last score and this write is repaired
 * by the retry (or the next submission for the entry), and again for every entry before results are published.
 * Corrections from upheld appeals do not finalise again: the results versions carry the corrected totals.
 */
@Component
public class ScoreSheetFinalisation {

    private final ScoreLedger ledger;
    private final FinalisedScoreSheets sheets;
    private final Clock clock;

    ScoreSheetFinalisation(ScoreLedger ledger, FinalisedScoreSheets sheets, Clock clock) {
        this.ledger = ledger;
        this.sheets = sheets;
        this.clock = clock;
    }

    /** After a submission of the entry's scores: finalises its sheet when it is complete (once). */
    public void afterScoring(CompetitionView competition, MarkingScheme scheme, String entryId) {
        if (sheets.isFinalised(competition.competitionId(), scheme.stage(), entryId)) {
            return;
        }
        finalise(competition, scheme, entryId, ledger.ofEntry(competition.competitionId(), scheme.stage(), entryId));
    }

    /** Finalises every complete sheet not finalised yet, from the stage's ledger the caller has read. */
    public void catchUp(CompetitionView competition, MarkingScheme scheme, List<String> entryIds,
                        Collection<LedgerEntry> stageLedger) {
        for (String entryId : entryIds) {
            if (!sheets.isFinalised(competition.competitionId(), scheme.stage(), entryId)) {
                finalise(competition, scheme, entryId, stageLedger);
            }
        }
    }

    private void finalise(CompetitionView competition, MarkingScheme scheme, String entryId,
                          Collection<LedgerEntry> entryLedger) {
        ScoreSheet.completion(scheme, entryId, entryLedger).ifPresent(completion -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            FinalisedScoreSheet sheet = new FinalisedScoreSheet(competition.competitionId(), scheme.stage(), entryId,
                    completion.totalMarks(), completion.completedBy().seq(), completion.completedBy().hash(),
                    competition.orgId(), competition.orgPath(), now);
            sheets.finalise(sheet, new ScoresFinalised(sheet.competitionId(), sheet.stage(), sheet.entryId(),
                    sheet.totalMarks(), sheet.ledgerSeq(), sheet.ledgerHash(), sheet.orgId(), sheet.orgPath(),
                    sheet.finalisedAt()));
        });
    }
}
