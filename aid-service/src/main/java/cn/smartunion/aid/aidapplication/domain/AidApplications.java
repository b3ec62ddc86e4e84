package cn.smartunion.aid.aidapplication.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Aid applications. Every change is a conditional single-document update on the stored version, carrying the event
 * it raises; a change that lost a race fails with {@link ConcurrentChange}.
 */
public interface AidApplications {

    void add(AidApplication application, Object submittedEvent);

    /** Writes the application's new state (and event, if any) if it still has the version it was read with. */
    void update(AidApplication application, Object event);

    Optional<AidApplication> find(String id);

    Optional<AidApplication> findWithin(String id, String scopePath);

    List<AidApplication> listWithin(String scopePath, Filter filter, int page, int size);

    long countWithin(String scopePath, Filter filter);

    /** Applications whose approval was started before {@code before} and never finished (a crash). */
    List<AidApplication> approvalsStartedBefore(Instant before, int limit);

    /** What the ledger paid of an approved application, and what is approved but still unpaid. */
    Paid paid(String id);

    record Paid(long paidFen, long unpaidFen) {
    }

    record Filter(String programmeCode, String cycle, ApplicationStatus status, String orgId, String campaignId) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("aid application " + id + " was changed concurrently");
        }
    }
}
