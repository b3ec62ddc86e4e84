package cn.smartunion.aid.budget.domain;

import java.util.Collection;
import java.util.Map;

/** What the disbursement ledger says was paid from each budget line, to reconcile against the lines' own counters. */
public interface LedgerTotals {

    /** Sum of posted disbursements in fen, by budget line id; lines without any are absent. */
    Map<String, Long> paidFenByLine(Collection<String> budgetLineIds);
}
