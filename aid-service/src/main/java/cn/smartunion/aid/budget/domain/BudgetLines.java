package cn.smartunion.aid.budget.domain;

import java.util.List;
import java.util.Optional;

/**
 * Budget lines, changed only by conditional atomic updates on one document (no transactions): each change names an
 * id (commitment, release, payment, allocation) and is applied at most once, so a retry after a crash never counts
 * twice.
 */
public interface BudgetLines {

    void add(BudgetLine line);

    Optional<BudgetLine> find(String id);

    /** The line if it is owned within the subtree at {@code scopePath}. */
    Optional<BudgetLine> findWithin(String id, String scopePath);

    List<BudgetLine> listWithin(String scopePath, String programmeCode, String cycle, int page, int size);

    long countWithin(String scopePath, String programmeCode, String cycle);

    /** Adds money to the line. @return false if this allocation had been applied before */
    boolean allocate(String id, String allocationId, long amountFen);

    /**
     * Commits {@code amountFen} for an approval unless less than that is available.
     *
     * @return true when committed now or by an earlier attempt with the same {@code commitmentId}
     */
    boolean commit(String id, String commitmentId, long amountFen);

    /** Gives back a commitment that will not be paid (a cancelled approval). Applied once per {@code releaseId}. */
    void release(String id, String releaseId, long amountFen);

    /**
     * Records a payment against committed money; a line never pays more than it committed.
     *
     * @return true when recorded now or by an earlier attempt with the same {@code paymentId}
     */
    boolean pay(String id, String paymentId, long amountFen);
}
