package cn.smartunion.contracts.rights;

/** What a work order (工单) asks for. Carried by {@code WorkOrderCreated}. */
public enum OrderCategory {
    /** 咨询. */
    CONSULTATION,
    /** 投诉. */
    COMPLAINT,
    /** 劳动争议求助. */
    DISPUTE,
    /** 困难帮扶求助. */
    AID_REQUEST,
    /** 意见建议. */
    SUGGESTION
}
