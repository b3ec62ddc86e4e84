package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * A relieved or closed hardship file was opened again (topic {@code aid.case.v1}, key = caseId).
 *
 * @param reasonCode why it was opened again, e.g. a relapse (返困)
 */
public record HardshipCaseReopened(
        String caseId,
        String householdId,
        String orgId,
        String orgPath,
        ReopeningReason reasonCode,
        Instant occurredAt) {
}
