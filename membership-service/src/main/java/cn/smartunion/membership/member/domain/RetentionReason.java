package cn.smartunion.membership.member.domain;

/**
 * Why membership is retained (保留会籍). The seeds do not define the rules (DOMAIN.md §2.4); these are the usual
 * ACFTU cases, as stable codes for analysts.
 */
public enum RetentionReason {
    /** 离职/失业, not yet in new employment. */
    LEFT_EMPLOYMENT,
    /** 退休. */
    RETIRED,
    /** The employer closed or went bankrupt. */
    EMPLOYER_CLOSED,
    /** Long-term sick leave, military service, study leave. */
    EXTENDED_LEAVE,
    OTHER
}
