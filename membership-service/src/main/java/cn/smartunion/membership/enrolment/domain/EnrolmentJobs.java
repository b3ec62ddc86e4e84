package cn.smartunion.membership.enrolment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where import jobs and their rejected rows are kept. Every change a worker makes is conditional on it still holding
 * the job's lease, so a worker that lost its lease (stalled past it, or its process was presumed dead) changes
 * nothing and stops.
 */
public interface EnrolmentJobs {

    /** Stores a new job; fails with {@link DuplicateRoster} when the org already has a job for the same roster. */
    void add(EnrolmentJob job);

    Optional<EnrolmentJob> findByRosterKey(String rosterKey);

    /** The status of a job whatever its org; for housekeeping, never for answering a caller. */
    Optional<JobStatus> statusOf(String id);

    /** The job if it is owned by {@code scopePath} or an org below it; a job outside is not found. */
    Optional<EnrolmentJob> findWithin(String id, String scopePath);

    /** Jobs within {@code scopePath}, newest first. */
    PageOf<EnrolmentJob> listWithin(String scopePath, int page, int size);

    /**
     * Takes the oldest job that is queued, or running under a lease that has lapsed (its worker died), and that has
     * been started fewer than {@code maxAttempts} times: it becomes RUNNING under {@code worker} until
     * {@code leaseUntil}.
     */
    Optional<EnrolmentJob> claimNext(String worker, Instant now, Instant leaseUntil, int maxAttempts);

    /** Jobs whose lease lapsed after {@code maxAttempts} starts: they are to be failed, not tried again. */
    List<String> exhausted(Instant now, int maxAttempts);

    /** @return false when the worker no longer holds the job */
    boolean extendLease(String id, String worker, Instant leaseUntil);

    /**
     * Records that rows after {@code fromRow} up to {@code progressed.checkpointRow()} were handled, adding their
     * counts, and extends the lease. Rejections of those rows must be stored before.
     *
     * @return false when the worker no longer holds the job or another write moved its checkpoint
     */
    boolean recordProgress(String worker, int fromRow, JobCounts delta, EnrolmentJob progressed, Instant leaseUntil);

    /** Completes the job and puts its event in the job's outbox, in one write. @return false as above */
    boolean complete(String worker, int atRow, EnrolmentJob.Completed completion);

    /**
     * Fails the job (whoever holds it when {@code worker} is null) and frees its roster key, so the same file may be
     * uploaded again. @return false when the job was finished already or is held by another worker
     */
    boolean fail(String id, String worker, FailureCode failure, Instant now);

    /** Gives the job back to be claimed again from {@code retryAt} on, keeping its checkpoint. */
    void release(String id, String worker, Instant retryAt);

    /** Stores rejected rows of a job; storing a row again (after a resumed job re-reads it) replaces it. */
    void addRejections(String jobId, List<Rejection> rejections);

    /** Rejected rows of a job, by row. */
    PageOf<Rejection> rejections(String jobId, int page, int size);

    /** Every rejected row of a job, by row, without holding them all in memory. */
    void forEachRejection(String jobId, Consumer<Rejection> action);

    record PageOf<T>(List<T> items, int page, int size, long totalItems) {
    }

    class DuplicateRoster extends RuntimeException {
        public DuplicateRoster() {
            super("the organisation already has a job for this roster");
        }
    }
}
