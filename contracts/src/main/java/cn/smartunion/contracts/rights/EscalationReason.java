package cn.smartunion.contracts.rights;

/** Why a work order was escalated. Carried by {@code WorkOrderEscalated}. */
public enum EscalationReason {
    /** Its deadline passed (超时督办). */
    SLA_BREACHED,
    /** Escalated by staff. */
    MANUAL
}
