package cn.smartunion.aid.aidapplication.domain;

/** The school level of a 金秋助学 student (analysts break the figures down by it). */
public enum StudyLevel {
    PRIMARY,
    JUNIOR_SECONDARY,
    SENIOR_SECONDARY,
    VOCATIONAL,
    UNDERGRADUATE,
    POSTGRADUATE
}
