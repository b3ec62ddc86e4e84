package cn.smartunion.competition.honour.domain;

import cn.smartunion.contracts.competition.RecipientType;

import java.util.List;
import java.util.Optional;

/**
 * Nominations; unique per (selection, recipient). Changes are conditional single-document updates on the stored
 * version, the event in the outbox of the same update. Quotas are counters claimed with a conditional {@code $inc}.
 */
public interface Nominations {

    /** @throws AlreadyNominated when the recipient already has a nomination in the selection (not withdrawn) */
    void add(Nomination nomination, Object nominatedEvent);

    /**
     * Claims one of the {@code quota} nominations of the nominating union in the selection.
     *
     * @throws NominationQuotaExhausted when none is left
     */
    void claimQuota(String selectionId, String nominatingOrgId, int quota);

    void releaseQuota(String selectionId, String nominatingOrgId);

    /**
     * Stores the decision (or withdrawal) with its event, if any.
     *
     * @throws ConcurrentChange when the nomination no longer has the version it was read with
     */
    void update(Nomination nomination, Object event);

    /** Approved → conferred; false when it was not approved (any more). */
    boolean markConferred(String id);

    Optional<Nomination> findWithin(String id, String scopePath);

    List<Nomination> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    /** Approved or conferred nominations of the selection, in id order, from {@code afterId} (exclusive). */
    List<Nomination> approvedOrConferred(String selectionId, String afterId, int limit);

    /** Approved or conferred individuals of the selection: all of them, or only the frontline ones. */
    long countApprovedIndividuals(String selectionId, boolean frontlineOnly);

    record Filter(String selectionId, NominationStatus status, RecipientType recipientType, String orgId) {
    }

    class AlreadyNominated extends RuntimeException {
        public AlreadyNominated() {
            super("the recipient is already nominated in this selection");
        }
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("nomination " + id + " was changed concurrently");
        }
    }
}
