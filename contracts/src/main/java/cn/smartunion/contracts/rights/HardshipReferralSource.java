package cn.smartunion.contracts.rights;

/** What a hardship referral comes from. Carried by {@code HardshipReferred}. */
public enum HardshipReferralSource {
    /** A dispute case. */
    DISPUTE_CASE,
    /** A work order. */
    WORK_ORDER
}
