package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * A member claimed a mutual-aid payout (申领互助金; topic {@code aid.mutual-aid.v1}, key = claimId). The disease and
 * the medical evidence stay inside aid-service.
 *
 * @param claimedFen amount claimed, in fen (1/100 yuan)
 */
public record MutualAidClaimSubmitted(
        String claimId,
        String enrolmentId,
        String memberId,
        String planId,
        int planYear,
        String orgId,
        String orgPath,
        long claimedFen,
        Instant submittedAt) {
}
