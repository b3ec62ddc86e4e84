package cn.smartunion.membership.member.domain;

/** Why the destination union declined a transfer, as stable codes for analysts. */
public enum TransferDeclineReason {
    /** The worker is not employed (or living) within the destination union's coverage. */
    NOT_COVERED_BY_DESTINATION,
    /** Another union is the right destination (e.g. the new employer has its own union). */
    WRONG_DESTINATION,
    /** 未报到: the member never reported to the destination union or could not be reached. */
    MEMBER_DID_NOT_REPORT,
    /** The request was made in error or duplicates one handled outside the system. */
    REQUESTED_IN_ERROR,
    OTHER
}
