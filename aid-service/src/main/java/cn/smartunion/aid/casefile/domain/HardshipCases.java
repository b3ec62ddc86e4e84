package cn.smartunion.aid.casefile.domain;

import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.HardshipCategory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The hardship case files. */
public interface HardshipCases {

    /**
     * Stores a new case.
     *
     * @throws HouseholdHasOpenCase when the household has another case that is not closed
     */
    void add(HardshipCase hardshipCase, List<Object> events);

    /**
     * Stores the case's changes and appends {@code events} to its outbox in one write, if nobody changed it since it
     * was read (and, when it settles its unpaid money, no payment changed that amount meanwhile).
     *
     * @throws ConcurrentUpdate     when the case changed meanwhile
     * @throws HouseholdHasOpenCase when reopening it would give the household a second open case
     */
    void update(HardshipCase hardshipCase, List<Object> events);

    Optional<HardshipCase> find(String id);

    /** The case if it is owned by the union at {@code scopePath} or one below it. */
    Optional<HardshipCase> findWithin(String id, String scopePath);

    List<HardshipCase> list(CaseFilter filter, int page, int size);

    long count(CaseFilter filter);

    /** Records that the payment made with {@code paymentKey} was for {@code measure} (once per key). */
    void recordMeasurePayment(String caseId, String paymentKey, String disbursementId, AidMeasure measure,
                              long amountFen);

    /** What has been paid per measure so far, leaving out the payment made with {@code exceptKey} (may be null). */
    Map<AidMeasure, Long> paidByMeasure(String caseId, String exceptKey);

    /** The budget line has the money of {@code releaseId} back: forgets the pending release. */
    void releaseDone(String caseId, String releaseId);

    record CaseFilter(String scopePath, CaseStatus status, HardshipCategory category,
                      String orgId) {
    }

    class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String id) {
            super("hardship case " + id + " was changed meanwhile");
        }
    }

    class HouseholdHasOpenCase extends RuntimeException {
        public HouseholdHasOpenCase() {
            super("the household has an open hardship case already");
        }
    }
}
