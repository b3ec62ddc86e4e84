package cn.smartunion.contracts.rights;

/**
 * What a dispute is about, as a coarse category only. Carried by {@code DisputeCaseOpened} and
 * {@code SupervisionNoticeIssued}.
 */
public enum ClaimType {
    /** 欠薪. */
    WAGE_ARREARS,
    /** 欠缴社会保险. */
    SOCIAL_INSURANCE_ARREARS,
    /** 工伤. */
    WORK_INJURY,
    /** 劳动关系确认. */
    EMPLOYMENT_RELATIONSHIP,
    /** 经济补偿 / 赔偿金. */
    SEVERANCE,
    /** 加班. */
    OVERTIME,
    OTHER
}
