package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A rights-protection work order (维权工单) was received (topic {@code rights.work-order.v1}, key = orderId).
 * Pseudonymous: ids only.
 *
 * @param anonymous whether the caller chose to stay anonymous
 * @param orgId     the receiving centre
 * @param orgPath   path of the receiving centre in the org tree
 * @param dueAt     when the order must be resolved (办理时限)
 */
public record WorkOrderCreated(
        String orderId,
        IntakeChannel channel,
        OrderCategory category,
        Complexity complexity,
        boolean anonymous,
        String orgId,
        String orgPath,
        Instant dueAt,
        Instant createdAt) {
}
