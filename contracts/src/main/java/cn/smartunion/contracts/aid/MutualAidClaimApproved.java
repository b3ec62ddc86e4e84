package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * A mutual-aid claim was approved (topic {@code aid.mutual-aid.v1}, key = claimId); {@code MutualAidClaimPaid}
 * follows.
 *
 * @param approvedFen amount approved, in fen (1/100 yuan)
 */
public record MutualAidClaimApproved(
        String claimId,
        String enrolmentId,
        String memberId,
        String planId,
        int planYear,
        String orgId,
        String orgPath,
        long approvedFen,
        Instant approvedAt) {
}
