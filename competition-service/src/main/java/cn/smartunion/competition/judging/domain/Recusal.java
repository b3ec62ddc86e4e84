package cn.smartunion.competition.judging.domain;

import java.time.Instant;

/**
 * A judge kept from an entry: automatically for a conflict of interest, or by their own recusal (with a reason
 * code). Ids only.
 *
 * @param recusalCode the judge's reason code for a voluntary recusal, null for an automatic exclusion
 */
public record Recusal(String competitionId, String stage, String entryId, String judgeMemberId,
                      ExclusionReason reason, RecusalCode recusalCode, Instant recordedAt) {

    /** Why a judge recused themselves. */
    public enum RecusalCode {
        PERSONAL_RELATIONSHIP, FORMER_COLLEAGUE, TRAINED_ENTRANT, OTHER_INTEREST
    }

    public boolean voluntary() {
        return reason == ExclusionReason.RECUSED;
    }
}
