package cn.smartunion.contracts.aid;

/**
 * Why a mutual-aid claim was turned down. Carried by {@code MutualAidClaimRejected}; the disease itself is never
 * carried.
 */
public enum ClaimRejectionReason {
    /** The enrolment did not cover the date the illness began. */
    NOT_ENROLLED_ON_ILLNESS_DATE,
    /** The claimant was not a member on the date the illness began. */
    NOT_A_MEMBER_ON_ILLNESS_DATE,
    /** The plan version does not list the disease. */
    DISEASE_NOT_COVERED,
    INCOMPLETE_EVIDENCE,
    /** The member's payouts of the plan year would exceed the plan's annual limit. */
    OVER_ANNUAL_LIMIT,
    OTHER
}
