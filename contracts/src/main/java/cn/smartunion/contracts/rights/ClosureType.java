package cn.smartunion.contracts.rights;

/** How a dispute case was closed (结案方式). Carried by {@code DisputeCaseClosed}. */
public enum ClosureType {
    /** 调解协议. */
    MEDIATION_AGREEMENT,
    /** 撤回. */
    WITHDRAWN,
    /** 仲裁裁决. */
    ARBITRATION_AWARD,
    /** 判决. */
    JUDGMENT,
    /** 和解. */
    SETTLEMENT,
    /** 诉求不成立. */
    NOT_SUBSTANTIATED
}
