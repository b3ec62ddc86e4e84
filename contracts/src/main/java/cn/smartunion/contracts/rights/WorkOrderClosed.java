package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A work order was closed (归档; topic {@code rights.work-order.v1}, key = orderId). Pseudonymous: ids only.
 *
 * @param withinSla whether it was resolved before its deadline
 */
public record WorkOrderClosed(
        String orderId,
        String orgId,
        String orgPath,
        boolean withinSla,
        Instant closedAt) {
}
