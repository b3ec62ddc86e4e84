package cn.smartunion.contracts.rights;

import java.time.Instant;

/**
 * A work order was resolved (办结; topic {@code rights.work-order.v1}, key = orderId). Pseudonymous: ids only.
 *
 * @param amountRecoveredFen money recovered for the worker, in fen (1/100 yuan)
 * @param withinSla          whether it was resolved before its deadline
 */
public record WorkOrderResolved(
        String orderId,
        String orgId,
        String orgPath,
        OrderOutcome outcome,
        long amountRecoveredFen,
        boolean withinSla,
        Instant resolvedAt) {
}
