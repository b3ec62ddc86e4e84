package cn.smartunion.aid.eligibility.domain;

/**
 * The medical insurance a worker declares. Mutual medical aid (职工医疗互助) tops up employee medical insurance, so
 * e.g. truck drivers insured only as residents cannot join it (DOMAIN.md §3.2 C).
 */
public enum SocialInsurance {
    /** 城镇职工基本医疗保险 */
    EMPLOYEE_MEDICAL,
    /** 城乡居民基本医疗保险 (incl. the former 新农合) */
    RESIDENT_MEDICAL,
    NONE
}
