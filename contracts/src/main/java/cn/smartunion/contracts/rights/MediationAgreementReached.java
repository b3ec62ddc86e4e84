package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * A mediation agreement (调解协议) was reached in a dispute case (topic {@code rights.dispute.v1}, key = caseId).
 * Pseudonymous: ids only.
 *
 * @param agreedFen money agreed for the workers, in fen (1/100 yuan)
 */
public record MediationAgreementReached(
        String caseId,
        String orgId,
        String orgPath,
        long agreedFen,
        LocalDate reachedOn) {
}
