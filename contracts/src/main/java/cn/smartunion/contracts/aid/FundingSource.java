package cn.smartunion.contracts.aid;

/**
 * Where the money of an aid budget line comes from (资金来源). Carried by {@code HardshipCaseApproved},
 * {@code CampaignLaunched}, {@code AidApplicationApproved} and {@code AidDisbursed}; analysts report 资金投入 by it.
 */
public enum FundingSource {
    /** 中央财政专项帮扶资金. */
    CENTRAL_SPECIAL_FUNDS,
    /** 本级工会经费. */
    OWN_FUNDS,
    /** 上级工会补助. */
    UPPER_LEVEL_UNION_FUNDS,
    /** 社会捐赠. */
    DONATIONS,
    /** 对口支援. */
    COUNTERPART_AID,
    /** 企业 (行政) 资金. */
    ENTERPRISE_FUNDS
}
