package cn.smartunion.contracts.rights;

/** How hard a work order is; sets its deadline. Carried by {@code WorkOrderCreated} and {@code SlaBreached}. */
public enum Complexity {
    /** 一般. */
    ORDINARY,
    /** 疑难. */
    DIFFICULT,
    /** 复杂. */
    COMPLEX
}
