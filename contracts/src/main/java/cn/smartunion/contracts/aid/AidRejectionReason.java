package cn.smartunion.contracts.aid;

/** Why an aid application was turned down. Carried by {@code AidApplicationRejected}. */
public enum AidRejectionReason {
    NOT_ELIGIBLE,
    /** The applicant already received this programme's aid in the cycle. */
    DUPLICATE_IN_CYCLE,
    INCOMPLETE_EVIDENCE,
    /** The budget line has no money left. */
    BUDGET_EXHAUSTED,
    OTHER
}
