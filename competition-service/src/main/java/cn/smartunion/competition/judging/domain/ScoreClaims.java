package cn.smartunion.competition.judging.domain;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The guard that makes scores final: one claim per natural key (competition, stage, entry, criterion, judge), kept
 * by a unique key. The claim is taken before the ledger entry is appended and points to it afterwards.
 */
public interface ScoreClaims {

    /** The claim with this key when one exists already, empty when this call took it. */
    Optional<Claim> claim(String competitionId, String stage, String entryId, String criterion, String judgeMemberId,
                          BigDecimal value);

    void recorded(String competitionId, String stage, String entryId, String criterion, String judgeMemberId,
                  long seq);

    /** True once any score was claimed for the stage. */
    boolean anyFor(String competitionId, String stage);

    /** @param ledgerSeq null while the ledger entry is not written yet */
    record Claim(BigDecimal value, Long ledgerSeq) {
    }
}
