package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A work order passed its deadline unresolved (超时; topic {@code rights.work-order.v1}, key = orderId).
 * Pseudonymous: ids only.
 *
 * @param orgId the union holding the order
 */
public record SlaBreached(
        String orderId,
        String orgId,
        String orgPath,
        Complexity complexity,
        Instant dueAt,
        Instant breachedAt) {
}
