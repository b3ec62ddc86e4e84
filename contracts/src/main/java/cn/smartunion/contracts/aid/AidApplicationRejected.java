package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * An aid application was turned down (topic {@code aid.application.v1}, key = applicationId).
 *
 * @param campaignId the campaign applied under, null when the programme has none
 */
public record AidApplicationRejected(
        String applicationId,
        String programmeCode,
        String campaignId,
        String orgId,
        String orgPath,
        String cycle,
        AidRejectionReason reasonCode,
        Instant rejectedAt) {
}
