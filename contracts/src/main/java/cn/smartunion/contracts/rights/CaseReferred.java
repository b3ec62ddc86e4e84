package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A dispute case was referred to another body (topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids
 * only.
 */
public record CaseReferred(
        String caseId,
        String orgId,
        String orgPath,
        ReferralBody toBody,
        LocalDate referredOn) {
}
