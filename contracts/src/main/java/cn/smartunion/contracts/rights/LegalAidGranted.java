package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * Union legal aid (法律援助) was granted in a dispute case (topic {@code rights.dispute.v1}, key = caseId).
 * Pseudonymous: ids only.
 *
 * @param lawyerId pseudonymous id of the assigned lawyer
 */
public record LegalAidGranted(
        String caseId,
        String orgId,
        String orgPath,
        String lawyerId,
        LocalDate grantedOn) {
}
