package cn.smartunion.contracts.aid;

import java.time.Instant;

/** A mutual-aid claim was turned down (topic {@code aid.mutual-aid.v1}, key = claimId). */
public record MutualAidClaimRejected(
        String claimId,
        String enrolmentId,
        String memberId,
        String planId,
        int planYear,
        String orgId,
        String orgPath,
        ClaimRejectionReason reasonCode,
        Instant rejectedAt) {
}
