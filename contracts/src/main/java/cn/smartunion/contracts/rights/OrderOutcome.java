package cn.smartunion.contracts.rights;

/** How a work order was resolved. Carried by {@code WorkOrderResolved}. */
public enum OrderOutcome {
    /** 答复办结. */
    ANSWERED,
    /** A dispute case was opened (转立案). */
    CASE_OPENED,
    /** Referred to hardship aid (转帮扶). */
    AID_REFERRED,
    /** 诉求不成立. */
    NOT_SUBSTANTIATED,
    OTHER
}
