package cn.smartunion.contracts.rights;

/** Why a closed dispute case was opened again. Carried by {@code DisputeCaseReopened}. */
public enum ReopeningCause {
    /** 重复投诉. */
    RE_COMPLAINED,
    /** 调解协议未履行. */
    AGREEMENT_NOT_PERFORMED,
    /** 新证据. */
    NEW_EVIDENCE
}
