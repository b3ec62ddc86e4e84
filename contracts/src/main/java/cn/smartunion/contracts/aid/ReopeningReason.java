package cn.smartunion.contracts.aid;

/** Why a relieved or closed hardship file was opened again. Carried by {@code HardshipCaseReopened}. */
public enum ReopeningReason {
    /** 返困: the household fell back into hardship. */
    RELAPSE,
    /** A new cause of hardship. */
    NEW_HARDSHIP,
    /** The file had been closed by mistake. */
    CLOSED_IN_ERROR
}
