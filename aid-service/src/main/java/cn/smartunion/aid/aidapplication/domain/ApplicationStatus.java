package cn.smartunion.aid.aidapplication.domain;

public enum ApplicationStatus {
    SUBMITTED,
    /** An approver's decision is being carried out (budget commitment); becomes APPROVED, or SUBMITTED again. */
    APPROVING,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** Whether the application still holds its place in the programme's cycle. */
    public boolean holdsGrant() {
        return this != REJECTED && this != WITHDRAWN;
    }
}
