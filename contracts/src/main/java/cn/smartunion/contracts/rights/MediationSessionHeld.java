package cn.smartunion.contracts.rights;

import java.time.LocalDate;
import java.util.List;

/**
 * A mediation session was held in a dispute case (topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids
 * only.
 *
 * @param mechanism      the body leading the mediation
 * @param partiesPresent the bodies present, one to eight distinct
 */
public record MediationSessionHeld(
        String caseId,
        String sessionId,
        String orgId,
        String orgPath,
        MediationBody mechanism,
        List<MediationBody> partiesPresent,
        LocalDate heldOn) {
}
