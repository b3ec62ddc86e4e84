package cn.smartunion.contracts.competition;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An entry's score sheet for a stage became complete (topic {@code competition.judging.v1}, key = competitionId):
 * every criterion of the stage's marking scheme is scored, judgement criteria by at least the scheme's minimum number
 * of judges. Published once per (competition, stage, entry); later scores of further panel judges and corrections
 * from upheld appeals do not publish it again (the {@code ResultsPublished} versions carry the totals that count).
 * No judge ids and no per-judge scores: those stay in the service's score ledger.
 *
 * @param totalMarks    the entry's total (0–100, two decimals) as the ledger stood at {@code ledgerSeq}
 * @param ledgerSeq     the seq of the score ledger entry that completed the sheet: the competition ledger's head when
 *                      it was appended, so the total can be checked against the verifiable chain up to it
 * @param ledgerHash    that entry's chain hash
 * @param orgId         the organising union
 * @param orgPath       the organising union's path
 */
public record ScoresFinalised(
        String competitionId,
        String stage,
        String entryId,
        BigDecimal totalMarks,
        long ledgerSeq,
        String ledgerHash,
        String orgId,
        String orgPath,
        Instant finalisedAt) {
}
