package cn.smartunion.membership.joining.domain;

/**
 * Where an application to join stands (DOMAIN.md §2.2: APPLIED → ACTIVE, or rejected/withdrawn → CLOSED).
 * An application is open while SUBMITTED or APPROVING; a person has at most one open application.
 */
public enum ApplicationStatus {
    /** Waiting for the receiving union's decision. */
    SUBMITTED,
    /**
     * The union approved it and the member record is being registered. Normally left within the same request; an
     * application found in this state (the service stopped half-way) is finished by approving it again.
     */
    APPROVING,
    /** The applicant is a member; the application names the member record. */
    APPROVED,
    REJECTED,
    /** Taken back by the applicant before a decision. */
    WITHDRAWN;

    public boolean isOpen() {
        return this == SUBMITTED || this == APPROVING;
    }
}
