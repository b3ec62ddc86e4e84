package cn.smartunion.contracts.aid;

/**
 * Who a campaign reached or who applied. Many campaigns serve non-members (农民工, 环卫, 新就业形态), and a
 * 送清凉 visit to a work site counts the workers it reached without naming them. Carried by
 * {@code CondolenceDelivered} (all three) and {@code AidApplicationSubmitted} (persons only: {@link #MEMBER} or
 * {@link #NON_MEMBER_WORKER}; its schema rejects {@link #WORK_SITE}).
 */
public enum BeneficiaryType {
    /** A union member, named by memberId. */
    MEMBER,
    /** A worker who is not a member, named by a pseudonymous personId of aid-service. */
    NON_MEMBER_WORKER,
    /** A work site (工地, 站点, 企业), named by siteId; the workers reached are counted, not named. */
    WORK_SITE
}
