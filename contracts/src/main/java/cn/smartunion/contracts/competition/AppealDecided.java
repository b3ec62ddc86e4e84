package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * The chief judge decided an appeal (topic {@code competition.judging.v1}, key = competitionId). An upheld appeal's
 * corrections are new entries of the competition's score ledger ({@code correctionCount}); the results are then
 * republished.
 */
public record AppealDecided(
        String appealId,
        String competitionId,
        String stage,
        String entryId,
        AppealOutcome outcome,
        int correctionCount,
        String orgId,
        String orgPath,
        Instant decidedAt) {
}
