package cn.smartunion.rights.bargaining.domain;

import cn.smartunion.contracts.rights.ContractType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Collective contracts. Every change is a conditional single-document update on the stored version carrying the event
 * it raises, so a change (an expiry above all) happens once; the loser of a race gets {@link ConcurrentChange}.
 */
public interface CollectiveContracts {

    void add(CollectiveContract contract, Object offerEvent);

    void update(CollectiveContract contract, Object event);

    Optional<CollectiveContract> find(String id);

    Optional<CollectiveContract> findWithin(String id, String scopePath);

    List<CollectiveContract> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    /** Filed or in-force contracts whose status {@code today} changes: starting, or past their last day. */
    List<CollectiveContract> dueForChange(LocalDate today, int limit);

    /** Units and workers covered by the contracts in force in the subtree. */
    Coverage coverageInForce(String scopePath);

    record Filter(ContractType contractType, ContractStatus status) {
    }

    record Coverage(long contracts, long unitsCovered, long workersCovered) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("collective contract " + id + " was changed concurrently");
        }
    }
}
