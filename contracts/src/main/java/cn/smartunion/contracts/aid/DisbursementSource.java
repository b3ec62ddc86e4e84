package cn.smartunion.contracts.aid;

/** What a payment is for: the kind of record named by {@code AidDisbursed#sourceId()}. */
public enum DisbursementSource {
    HARDSHIP_CASE,
    AID_APPLICATION,
    MUTUAL_AID_CLAIM,
    /** A campaign distribution (送温暖, 夏送清凉) paid in cash or in kind. */
    CAMPAIGN_DELIVERY
}
