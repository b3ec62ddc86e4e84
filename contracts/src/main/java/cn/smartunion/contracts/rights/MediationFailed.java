package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * Mediation of a dispute case failed (topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids only.
 */
public record MediationFailed(
        String caseId,
        String orgId,
        String orgPath,
        LocalDate failedOn) {
}
