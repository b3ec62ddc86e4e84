package cn.smartunion.membership.joining.domain;

import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where applications are kept. Each write is one single-document operation carrying the events it causes in the
 * document's outbox; a change is written only if the stored version is still the one it was read at.
 */
public interface Applications {

    /**
     * Stores a new application with its {@code MembershipApplicationSubmitted}.
     *
     * @throws OpenApplicationExists when the person (citizen ID blind index) or the submitting worker's account
     *                               already has an open application: a unique index decides, so of two concurrent
     *                               submissions exactly one is stored
     */
    void add(Application.Submitted submitted);

    /**
     * Writes the application's current state and appends {@code events} to its outbox, if the stored version is
     * still the one the application was read at.
     *
     * @throws ConcurrentUpdate when someone else changed it since
     */
    void update(Application application, List<Object> events);

    /** The application if its receiving union is the one at {@code scopePath} or below it; otherwise not found. */
    Optional<Application> findWithin(String id, String scopePath);

    /** The application if the worker with this account submitted it themselves; otherwise not found. */
    Optional<Application> findOfAccount(String id, String accountSubject);

    /** Applications to unions in the subtree {@code filter.orgPath()}, oldest first (the review queue). */
    PageOf<ApplicationSummary> list(ApplicationFilter filter, int page, int size);

    /** The applications a worker submitted with this account, newest first. */
    PageOf<ApplicationSummary> listOfAccount(String accountSubject, int page, int size);

    /**
     * @param orgPath subtree to list (already narrowed to what the caller may see)
     * @param status  null for any
     */
    record ApplicationFilter(String orgPath, ApplicationStatus status) {
    }

    /** One list row, personal data masked. */
    record ApplicationSummary(String id, String maskedLegalName, String maskedCitizenIdNumber,
                              String maskedMobilePhone, String orgId, String orgPath, ApplicationStatus status,
                              JoinChannel joinChannel, String campaignId, List<String> groupTags,
                              ActorKind submittedByKind, Instant submittedAt, String memberId, String reasonCode) {
    }

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    /** The person or the account already has an open application; says neither which nor where. */
    class OpenApplicationExists extends RuntimeException {
        public OpenApplicationExists() {
            super("an open application for this person already exists", null, false, false);
        }
    }

    class ConcurrentUpdate extends RuntimeException {
        public ConcurrentUpdate(String applicationId) {
            super("application " + applicationId + " was changed concurrently");
        }
    }
}
