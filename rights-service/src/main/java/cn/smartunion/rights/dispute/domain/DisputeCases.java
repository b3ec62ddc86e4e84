package cn.smartunion.rights.dispute.domain;

import cn.smartunion.contracts.rights.ClaimType;

import java.util.List;
import java.util.Optional;

/** The dispute cases ({@code dispute_cases}). */
public interface DisputeCases {

    /** Stores a new case with its events in its outbox, in one write. */
    void add(DisputeCase disputeCase, List<Object> events);

    /**
     * Stores the case's changes and appends {@code events} to its outbox in one write, if nobody changed it since it
     * was read.
     *
     * @throws ConcurrentUpdate when the case changed meanwhile
     */
    void update(DisputeCase disputeCase, List<Object> events);

    /** The case if it is owned by the union at {@code scopePath} or one below it. */
    Optional<DisputeCase> findWithin(String id, String scopePath);

    List<DisputeCase> list(CaseFilter filter, int page, int size);

    long count(CaseFilter filter);

    record CaseFilter(String scopePath, DisputeStatus status, ClaimType claimType, String orgId) {
    }

    class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String id) {
            super("dispute case " + id + " was changed meanwhile");
        }
    }
}
