package cn.smartunion.contracts.aid;

/**
 * How aid reached the beneficiary (发放渠道). Carried by {@code AidDisbursed}; the account or card used stays inside
 * aid-service.
 */
public enum DisbursementChannel {
    /** 银行代发 to the beneficiary's account. */
    BANK_TRANSFER,
    /** Credited to the member's service card (会员服务卡). */
    MEMBER_SERVICE_CARD,
    CASH,
    /** Goods (实物); the amount is their value. */
    IN_KIND
}
