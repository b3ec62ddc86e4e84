package cn.smartunion.membership.member.domain;

/** As encoded in the citizen ID number (the 17th digit); needed for 女职工 services. */
public enum Gender {
    MALE, FEMALE
}
