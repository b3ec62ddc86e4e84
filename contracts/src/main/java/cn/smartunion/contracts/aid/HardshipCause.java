package cn.smartunion.contracts.aid;

/**
 * Why a household is in hardship (致困原因), as a coarse category only: the illness, disability or school behind it
 * stays inside aid-service. Carried by {@code HardshipCaseFiled}; a household may have several.
 */
public enum HardshipCause {
    /** 因病. */
    ILLNESS,
    /** 因残. */
    DISABILITY,
    /** 失业 / 下岗. */
    UNEMPLOYMENT,
    /** 因学: education costs of a child. */
    EDUCATION_COSTS,
    /** 因灾. */
    DISASTER,
    /** 意外事故. */
    ACCIDENT,
    /** 收入低. */
    LOW_INCOME,
    OTHER
}
