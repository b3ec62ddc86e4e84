package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * A mutual-aid claim was paid (结报 / 兑付; topic {@code aid.mutual-aid.v1}, key = claimId). Summing {@code paidFen}
 * gives 赔付金额.
 *
 * @param paidFen        amount paid, in fen (1/100 yuan)
 * @param disbursementId the payment: the {@code AidDisbursed} (sourceType {@code MUTUAL_AID_CLAIM}) that paid it
 */
public record MutualAidClaimPaid(
        String claimId,
        String enrolmentId,
        String memberId,
        String planId,
        int planYear,
        String orgId,
        String orgPath,
        long paidFen,
        String disbursementId,
        Instant paidAt) {
}
