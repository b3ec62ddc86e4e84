package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A work order was escalated (督办 / 升级; topic {@code rights.work-order.v1}, key = orderId). Pseudonymous: ids only.
 *
 * @param orgId              the union holding the order
 * @param escalatedToOrgId   the union it was escalated to, null when escalated within the holding union
 * @param escalatedToOrgPath path of that union, null with it
 */
public record WorkOrderEscalated(
        String orderId,
        String orgId,
        String orgPath,
        String escalatedToOrgId,
        String escalatedToOrgPath,
        EscalationReason reason,
        Instant escalatedAt) {
}
