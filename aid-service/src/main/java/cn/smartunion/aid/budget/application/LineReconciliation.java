package cn.smartunion.aid.budget.application;

import cn.smartunion.aid.budget.domain.BudgetLine;

/**
 * One line of the reconciliation view: the budget, what approvals committed, what was paid by the line's counter and
 * by the ledger. {@code balanced} is false when the two paid figures differ (a disbursement still being posted, or
 * something to investigate).
 */
public record LineReconciliation(BudgetLine line, long ledgerPaidFen, boolean balanced) {
}
