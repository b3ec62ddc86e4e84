package cn.smartunion.membership.enrolment.domain;

/** Where an import job is: waiting for a worker, being worked, or finished one way or the other. */
public enum JobStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED;
    }
}
