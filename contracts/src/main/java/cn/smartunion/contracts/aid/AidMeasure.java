package cn.smartunion.contracts.aid;

/** A kind of help granted to a hardship household (帮扶措施). Carried by {@code HardshipCaseApproved}. */
public enum AidMeasure {
    /** 生活救助. */
    LIVING,
    /** 医疗救助. */
    MEDICAL,
    /** 助学. */
    STUDY,
    /** 就业帮扶. */
    EMPLOYMENT,
    /** 临时救助. */
    TEMPORARY_RELIEF
}
