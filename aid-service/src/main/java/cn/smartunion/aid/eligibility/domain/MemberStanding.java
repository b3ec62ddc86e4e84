package cn.smartunion.aid.eligibility.domain;

/** A person's union membership on a given date, as far as aid-service knows it from membership-service's events. */
public enum MemberStanding {
    ACTIVE,
    /** 保留会籍: between jobs, retired and so on; programmes choose whether they serve retained members. */
    RETAINED,
    TERMINATED,
    /** Not a member, or a member id aid-service has never seen an event of. */
    NOT_A_MEMBER
}
