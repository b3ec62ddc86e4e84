package cn.smartunion.membership.enrolment.domain;

/**
 * What a job has done with its rows so far. Every processed row is exactly one of activated, already a member, or
 * rejected.
 */
public record JobCounts(int processed, int activated, int alreadyMembers, int rejected) {

    public static final JobCounts ZERO = new JobCounts(0, 0, 0, 0);

    public JobCounts {
        if (processed < 0 || activated < 0 || alreadyMembers < 0 || rejected < 0
                || activated + alreadyMembers + rejected != processed) {
            throw new IllegalArgumentException("counts must be non-negative and add up to the processed rows");
        }
    }

    public JobCounts plusActivated() {
        return new JobCounts(processed + 1, activated + 1, alreadyMembers, rejected);
    }

    public JobCounts plusAlreadyMember() {
        return new JobCounts(processed + 1, activated, alreadyMembers + 1, rejected);
    }

    public JobCounts plusRejected() {
        return new JobCounts(processed + 1, activated, alreadyMembers, rejected + 1);
    }

    public JobCounts plus(JobCounts other) {
        return new JobCounts(processed + other.processed, activated + other.activated,
                alreadyMembers + other.alreadyMembers, rejected + other.rejected);
    }
}
