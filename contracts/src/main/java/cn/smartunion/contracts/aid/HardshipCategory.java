package cn.smartunion.contracts.aid;

/** The category a hardship file is kept in (建档类别). Carried by {@code HardshipCaseFiled}. */
public enum HardshipCategory {
    /** 深度困难. */
    DEEP,
    /** 相对困难. */
    RELATIVE,
    /** 特困. */
    EXTREME
}
