package cn.smartunion.aid.campaign.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Distribution list jobs ({@code distribution_jobs}), leased by one worker at a time. */
public interface DistributionJobs {

    /**
     * Queues {@code job} with its list, encrypted; when a job with the same id exists (the same file uploaded again
     * for the same campaign) that one is returned and nothing is stored.
     */
    DistributionJob submit(DistributionJob job, String encryptedList);

    Optional<DistributionJob> findWithin(String id, String scopePath);

    /** A queued job, or a running one whose lease ran out (its worker died), now leased by {@code owner}. */
    Optional<Leased> lease(String owner, Instant now, Instant until);

    /**
     * Records that rows up to {@code nextRow} (exclusive, 0-based data row index) are done, if {@code owner} still
     * holds the lease and the job is at {@code fromRow}. @return false when the lease was lost
     */
    boolean checkpoint(String jobId, String owner, int fromRow, int nextRow, int accepted, int rejected,
                       List<DistributionJob.RowRejection> rejections, Instant leaseUntil);

    /** Ends the job and deletes its list. */
    void finish(String jobId, String owner, DistributionJob.Status status, Instant now);

    record Leased(DistributionJob job, String encryptedList, int nextRow) {
    }
}
