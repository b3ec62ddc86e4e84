package cn.smartunion.competition.judging.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One link of a competition's score ledger: a score as a judge submitted it, or a later correction of an earlier
 * entry (an upheld appeal). Entries are never changed; {@code hash} chains each to the one before.
 *
 * @param judgeMemberId the judge whose score it is (for a correction, the judge whose score is corrected)
 * @param correctsSeq   for a correction, the seq of the score it replaces
 * @param appealId      for a correction, the appeal that decided it
 * @param reason        for a correction, why (free text of the chief judge, never personal data)
 * @param recordedBy    the signed-in account (token subject) that wrote it
 */
public record LedgerEntry(String competitionId, long seq, Kind kind, String stage, String entryId, String criterion,
                          String judgeMemberId, BigDecimal value, Long correctsSeq, String appealId, String reason,
                          String recordedBy, Instant recordedAt, String prevHash, String hash) {

    public enum Kind {
        SCORE, CORRECTION
    }

    /** The natural key of a score: one per (entry, criterion, judge). */
    public String scoreKey() {
        return entryId + "|" + criterion + "|" + judgeMemberId;
    }
}
