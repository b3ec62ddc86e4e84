package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A union accepted a work order dispatched to it (签收; topic {@code rights.work-order.v1}, key = orderId).
 * Pseudonymous: ids only.
 *
 * @param orgId the accepting union
 */
public record WorkOrderAccepted(
        String orderId,
        String orgId,
        String orgPath,
        Instant acceptedAt) {
}
