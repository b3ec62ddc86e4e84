package cn.smartunion.competition.results.domain;

import cn.smartunion.contracts.competition.AppealOutcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An entrant's written appeal against one version of a stage's provisional results, decided by the chief judge.
 * Upheld corrections become new ledger entries ({@link Correction#ledgerSeq}); the original scores stay.
 *
 * @param groundsCiphertext the written grounds, encrypted (they may name people)
 * @param lodgedBy          the token subject of the member or registrar who lodged it
 */
public record Appeal(String appealId, String competitionId, String stage, String entryId, String orgId,
                     String orgPath, int resultsVersion, List<String> criteria, String groundsCiphertext,
                     String lodgedBy, Instant lodgedAt, Status status, Decision decision) {

    public enum Status {
        OPEN, UPHELD, REJECTED
    }

    /** @param decidedBy the chief judge's token subject; {@code judgeMemberId} of corrections is null for measurements */
    public record Decision(AppealOutcome outcome, String reason, List<Correction> corrections, String decidedBy,
                           String chiefJudgeMemberId, Instant decidedAt) {

        public Decision {
            corrections = List.copyOf(corrections);
        }
    }

    /**
     * @param correctsSeq the ledger entry of the score corrected
     * @param ledgerSeq   the correction's own ledger entry, null until written
     */
    public record Correction(String entryId, String criterion, String judgeMemberId, BigDecimal value, String reason,
                             long correctsSeq, Long ledgerSeq) {
    }

    public Appeal {
        criteria = List.copyOf(criteria);
    }
}
