package cn.smartunion.contracts.aid;

/** Why a hardship file was closed (销档). Carried by {@code HardshipCaseClosed}. */
public enum CaseClosure {
    /** 解困脱困 consolidated: the household stayed out of hardship through monitoring. */
    RELIEF_CONSOLIDATED,
    /** The household turned out not to meet the criteria. */
    NOT_ELIGIBLE,
    /** The household moved out of the union's area. */
    MOVED_AWAY,
    DECEASED,
    /** The household declined further help. */
    DECLINED
}
