package cn.smartunion.aid.programme.domain;

/** The three workflows that share the name "aid", plus one-off services (DOMAIN.md §3.1). */
public enum ProgrammeKind {
    /** 困难职工建档: household case files. */
    CASE_FILE,
    /** 四送: seasonal mass distributions counted in person-times, and applications such as 金秋助学. */
    CAMPAIGN,
    /** 职工医疗互助: versioned plans, yearly enrolment, claims. */
    MUTUAL_AID,
    /** Check-ups, insurance gifts, loans: eligibility, grant, delivery. */
    ONE_OFF_SERVICE
}
