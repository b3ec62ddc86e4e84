package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A closed dispute case was opened again (topic {@code rights.dispute.v1}, key = caseId). Pseudonymous: ids only.
 */
public record DisputeCaseReopened(
        String caseId,
        String orgId,
        String orgPath,
        ReopeningCause cause,
        Instant occurredAt) {
}
