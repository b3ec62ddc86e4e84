package cn.smartunion.contracts.rights;

/** A body taking part in mediation (多元调解). Carried by {@code MediationSessionHeld}. */
public enum MediationBody {
    /** 工会. */
    UNION,
    /** 法院. */
    COURT,
    /** 检察院. */
    PROCURATORATE,
    /** 人社部门 / 劳动人事争议仲裁. */
    HR_ARBITRATION,
    /** 司法局. */
    JUSTICE_BUREAU,
    /** 社会治理中心. */
    GOVERNANCE_CENTRE,
    /** 用人单位. */
    EMPLOYER,
    OTHER
}
