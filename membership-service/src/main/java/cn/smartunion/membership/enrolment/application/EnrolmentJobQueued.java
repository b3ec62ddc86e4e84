package cn.smartunion.membership.enrolment.application;

/** In-process notice that a job waits, so an idle worker starts it now rather than at its next poll. */
public record EnrolmentJobQueued(String jobId) {
}
