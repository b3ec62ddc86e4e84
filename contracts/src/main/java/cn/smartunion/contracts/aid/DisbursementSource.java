package cn.smartunion.contracts.aid;

/** What a payment is for: the kind of record named by {@code AidDisbursed#sourceId()}. */
public enum DisbursementSource {
    HARDSHIP_CASE,
    AID_APPLICATION,
    MUTUAL_AID_CLAIM
}
