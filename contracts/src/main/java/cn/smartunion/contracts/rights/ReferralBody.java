package cn.smartunion.contracts.rights;

/** Where a dispute case was referred. Carried by {@code CaseReferred}. */
public enum ReferralBody {
    /** 劳动人事争议仲裁. */
    ARBITRATION,
    /** 法院. */
    COURT,
    /** 检察院 (支持起诉). */
    PROCURATORATE,
    /** Another union. */
    OTHER_UNION
}
