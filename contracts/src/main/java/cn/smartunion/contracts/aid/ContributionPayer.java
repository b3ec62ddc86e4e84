package cn.smartunion.contracts.aid;

/** Who paid a mutual-aid contribution (缴费方). Carried by {@code MutualAidEnrolled}. */
public enum ContributionPayer {
    UNION,
    /** The member's employer (单位). */
    UNIT,
    MEMBER
}
