package cn.smartunion.contracts.rights;

import java.time.LocalDate;

/**
 * The follow-up (回访) of a closed dispute case was completed (topic {@code rights.dispute.v1}, key = caseId).
 * Pseudonymous: ids only.
 *
 * @param reComplained whether the workers complained again within the window
 * @param windowDays   the follow-up window in days, 1 to 3650
 */
public record CaseFollowUpCompleted(
        String caseId,
        String orgId,
        String orgPath,
        boolean reComplained,
        int windowDays,
        LocalDate completedOn) {
}
