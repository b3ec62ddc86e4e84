package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * The requester rated how a work order was handled (满意度评价; topic {@code rights.work-order.v1}, key = orderId).
 * Pseudonymous: ids only.
 *
 * @param rating 1 (very dissatisfied) to 5 (very satisfied)
 */
public record WorkOrderRated(
        String orderId,
        String orgId,
        String orgPath,
        int rating,
        Instant ratedAt) {
}
