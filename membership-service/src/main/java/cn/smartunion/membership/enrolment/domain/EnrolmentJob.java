package cn.smartunion.membership.enrolment.domain;

import cn.smartunion.contracts.membership.CollectiveEnrolmentCompleted;
import cn.smartunion.contracts.membership.JoinChannel;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A collective enrolment (集中入会 / 集体登记): one uploaded roster of workers enrolled into an organisation's subtree
 * by a union office. State changes return the events they cause.
 */
public final class EnrolmentJob {

    /** The channels a roster import stands for (DOMAIN.md §2.2, channels 4 and 5). */
    public static final Set<JoinChannel> CHANNELS =
            Set.of(JoinChannel.COLLECTIVE_REGISTRATION, JoinChannel.CONCENTRATED_CAMPAIGN);

    private static final Pattern CAMPAIGN_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");

    private final String id;
    private final String orgId;
    private final String orgPath;
    private final JoinChannel joinChannel;
    private final String campaignId;
    private final RosterFile file;
    private final String requestedBy;
    private final Instant requestedAt;
    private final JobStatus status;
    private final JobCounts counts;
    private final int checkpointRow;
    private final Instant startedAt;
    private final Instant finishedAt;
    private final FailureCode failure;

    private EnrolmentJob(String id, String orgId, String orgPath, JoinChannel joinChannel, String campaignId,
                         RosterFile file, String requestedBy, Instant requestedAt, JobStatus status, JobCounts counts,
                         int checkpointRow, Instant startedAt, Instant finishedAt, FailureCode failure) {
        this.id = id;
        this.orgId = orgId;
        this.orgPath = orgPath;
        this.joinChannel = joinChannel;
        this.campaignId = campaignId;
        this.file = file;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = status;
        this.counts = counts;
        this.checkpointRow = checkpointRow;
        this.startedAt = startedAt;
        this.finishedAt = finishedAt;
        this.failure = failure;
    }

    /**
     * Queues the import of {@code file} into the organisation at {@code orgPath}. A concentrated campaign's batches
     * are counted per campaign, so they must name it.
     */
    public static EnrolmentJob queue(String id, String orgId, String orgPath, JoinChannel joinChannel,
                                     String campaignId, RosterFile file, String requestedBy, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(orgPath, "orgPath");
        Objects.requireNonNull(file, "file");
        if (joinChannel == null || !CHANNELS.contains(joinChannel)) {
            throw new EnrolmentRuleViolation("joinChannel",
                    "a roster import is COLLECTIVE_REGISTRATION or CONCENTRATED_CAMPAIGN");
        }
        String campaign = campaignId == null || campaignId.isBlank() ? null : campaignId.strip();
        if (campaign != null && !CAMPAIGN_ID.matcher(campaign).matches()) {
            throw new EnrolmentRuleViolation("campaignId", "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (joinChannel == JoinChannel.CONCENTRATED_CAMPAIGN && campaign == null) {
            throw new EnrolmentRuleViolation("campaignId", "a concentrated enrolment campaign must be named");
        }
        return new EnrolmentJob(id, orgId, orgPath, joinChannel, campaign, file, requestedBy, now, JobStatus.QUEUED,
                JobCounts.ZERO, 0, null, null, null);
    }

    /** Rebuilds a job from storage; no events. */
    public static EnrolmentJob restore(String id, String orgId, String orgPath, JoinChannel joinChannel,
                                       String campaignId, RosterFile file, String requestedBy, Instant requestedAt,
                                       JobStatus status, JobCounts counts, int checkpointRow, Instant startedAt,
                                       Instant finishedAt, FailureCode failure) {
        return new EnrolmentJob(id, orgId, orgPath, joinChannel, campaignId, file, requestedBy, requestedAt, status,
                counts, checkpointRow, startedAt, finishedAt, failure);
    }

    /** One roster per organisation: the same bytes uploaded again for the same org are the same job. */
    public static String rosterKey(String orgId, String sha256) {
        return orgId + ":" + sha256;
    }

    public String rosterKey() {
        return rosterKey(orgId, file.sha256());
    }

    /** The job after a worker has handled more rows, up to and including sheet row {@code toRow}. */
    public EnrolmentJob progressed(JobCounts delta, int toRow) {
        requireRunning();
        if (toRow < checkpointRow) {
            throw new IllegalStateException("a checkpoint never moves back");
        }
        return new EnrolmentJob(id, orgId, orgPath, joinChannel, campaignId, file, requestedBy, requestedAt, status,
                counts.plus(delta), toRow, startedAt, finishedAt, failure);
    }

    /** Every row has been handled: the job completes and announces its totals, once. */
    public Completed complete(Instant now) {
        requireRunning();
        EnrolmentJob done = new EnrolmentJob(id, orgId, orgPath, joinChannel, campaignId, file, requestedBy,
                requestedAt, JobStatus.COMPLETED, counts, checkpointRow, startedAt, now, null);
        var event = new CollectiveEnrolmentCompleted(id, orgId, orgPath, joinChannel, campaignId, counts.processed(),
                counts.activated(), counts.alreadyMembers(), counts.rejected(), now);
        return new Completed(done, event);
    }

    private void requireRunning() {
        if (status != JobStatus.RUNNING) {
            throw new IllegalStateException("job " + id + " is " + status + ", not RUNNING");
        }
    }

    /** 0 to 100; a finished job is at 100 whatever it reached. */
    public int progressPercent() {
        if (status.finished()) {
            return 100;
        }
        return (int) Math.min(99, (long) counts.processed() * 100 / file.dataRows());
    }

    public String id() {
        return id;
    }

    public String orgId() {
        return orgId;
    }

    public String orgPath() {
        return orgPath;
    }

    public JoinChannel joinChannel() {
        return joinChannel;
    }

    public String campaignId() {
        return campaignId;
    }

    public RosterFile file() {
        return file;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public JobStatus status() {
        return status;
    }

    public JobCounts counts() {
        return counts;
    }

    /** The last sheet row handled (0 before the first); a resumed job goes on after it. */
    public int checkpointRow() {
        return checkpointRow;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public FailureCode failure() {
        return failure;
    }

    /** The completed job and the event announcing it. */
    public record Completed(EnrolmentJob job, CollectiveEnrolmentCompleted event) {
    }
}
