package cn.smartunion.competition.judging.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An entry's score sheet for a stage, recorded once when it became complete.
 *
 * @param ledgerSeq  the ledger entry that completed the sheet
 * @param ledgerHash its chain hash
 * @param orgId      the organising union (the competition's)
 * @param orgPath    the organising union's path
 */
public record FinalisedScoreSheet(String competitionId, String stage, String entryId, BigDecimal totalMarks,
                                  long ledgerSeq, String ledgerHash, String orgId, String orgPath,
                                  Instant finalisedAt) {
}
