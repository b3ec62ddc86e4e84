package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A work order was dispatched to another union (派单; topic {@code rights.work-order.v1}, key = orderId).
 * Pseudonymous: ids only.
 *
 * @param fromOrgId the union dispatching it
 * @param toOrgId   the union that must handle it
 * @param dueAt     when the receiving union must resolve it
 */
public record WorkOrderDispatched(
        String orderId,
        String fromOrgId,
        String fromOrgPath,
        String toOrgId,
        String toOrgPath,
        Instant dueAt,
        Instant dispatchedAt) {
}
