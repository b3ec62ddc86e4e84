package cn.smartunion.contracts.membership;

/**
 * How a member joined (入会渠道): the fourteen channels of DOMAIN.md §2.2. Carried by
 * {@code MembershipApplicationSubmitted}, {@code MemberActivated} and {@code CollectiveEnrolmentCompleted};
 * the schemas enumerate the same names.
 */
public enum JoinChannel {
    /** 网上申请入会: a worker applies through the app or web. */
    ONLINE_APPLICATION,
    /** 扫码入会 / 码上入会: a QR code names the receiving union. */
    QR_CODE,
    /** "一键入会"小程序 / 指尖入会. */
    ONE_TAP_MINI_PROGRAM,
    /** 集体登记入会: a roster imported by an organisation (employer or platform). */
    COLLECTIVE_REGISTRATION,
    /** 集中入会 / 入会集中行动: campaign batches. */
    CONCENTRATED_CAMPAIGN,
    /** 流动窗口入会: staff capture applications at events. */
    MOBILE_WINDOW,
    /** "入会+社保缴费服务". */
    MEMBERSHIP_SOCIAL_INSURANCE_BUNDLE,
    /** 职工企业外入会: held in a regional or industry union, independent of the employer. */
    OUTSIDE_EMPLOYER,
    /** 先服务后入会: a served non-member converts. */
    SERVICE_FIRST,
    /** 从输出地入会: joined at the home region; membership follows the worker. */
    AT_ORIGIN,
    /** Through a platform company's union (平台"重点建"). */
    PLATFORM_UNION,
    /** 招商企业按"六有"标准规范建会入会. */
    NEW_INVESTMENT_ENTERPRISE,
    /** 重点群体入会项目制. */
    PROJECT_BASED,
    /** 货车司机网上入会试点. */
    TRUCK_DRIVER_ONLINE_PILOT
}
