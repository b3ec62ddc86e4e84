package cn.smartunion.contracts.rights;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dispute case was closed (结案; topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids only.
 *
 * @param mediated           whether mediation was tried
 * @param mediationSucceeded whether mediation succeeded
 * @param amountRecoveredFen money recovered for the workers, in fen (1/100 yuan)
 * @param workersBenefited   workers who benefited, 0 to 500
 * @param durationDays       days from opening to closing
 */
public record DisputeCaseClosed(
        String caseId,
        String orgId,
        String orgPath,
        ClosureType closureType,
        boolean mediated,
        boolean mediationSucceeded,
        long amountRecoveredFen,
        int workersBenefited,
        int durationDays,
        LocalDate closedOn,
        Instant occurredAt) {
}
