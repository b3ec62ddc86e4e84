package cn.smartunion.membership.org.domain;

/** Ownership of the employer a union is formed in (DOMAIN.md §2.9); drives 建会率 by ownership (e.g. 非公企业). */
public enum UnitOwnership {
    /** 国有 */
    STATE_OWNED,
    /** 集体 */
    COLLECTIVE,
    /** 非公有制 */
    NON_PUBLIC,
    /** 社会组织 */
    SOCIAL_ORGANISATION,
    /** 事业单位 */
    PUBLIC_INSTITUTION,
    /** 机关 */
    GOVERNMENT_ORGAN,
    /** 民办学校 */
    PRIVATE_SCHOOL,
    /** 民办医院 */
    PRIVATE_HOSPITAL,
    /** 平台企业 */
    PLATFORM_ENTERPRISE
}
