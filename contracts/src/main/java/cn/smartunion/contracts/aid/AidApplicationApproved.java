package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * An aid application was approved (topic {@code aid.application.v1}, key = applicationId). The payment follows as
 * {@code AidDisbursed}.
 *
 * @param campaignId   the campaign applied under, null when the programme has none
 * @param budgetLineId the budget line the approved amount is reserved on
 * @param approvedFen  amount approved, in fen (1/100 yuan)
 */
public record AidApplicationApproved(
        String applicationId,
        String programmeCode,
        String campaignId,
        String orgId,
        String orgPath,
        String cycle,
        String budgetLineId,
        FundingSource fundingSource,
        long approvedFen,
        Instant approvedAt) {
}
