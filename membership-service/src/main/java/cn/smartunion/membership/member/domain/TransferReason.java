package cn.smartunion.membership.member.domain;

/**
 * Why a member asks to move to another union (转会/接转), as stable codes for analysts. The seeds name the goal
 * ("一次入会、动态接转", DOMAIN.md §2.3) but no reason list; these are the cases the workflows there imply.
 */
public enum TransferReason {
    /** 工作调动/更换工作单位: a new employer covered by another union. */
    CHANGED_EMPLOYER,
    /** 异地就业: a mobile worker moves from the origin (输出地) to work elsewhere (输入地). */
    RELOCATED_FOR_WORK,
    /** 返乡就业: a migrant worker returns to work in the home region. */
    RETURNED_HOME,
    /** 单位合并、分立、改制: the employer was restructured and its workers belong to another union now. */
    EMPLOYER_RESTRUCTURED,
    /** 企业外入会: the member moves to a regional or industry union (e.g. a new-form worker leaving an employer). */
    JOINED_REGIONAL_OR_INDUSTRY_UNION,
    /** 迁居: the member moved home and joins the union where they now live. */
    MOVED_RESIDENCE,
    OTHER
}
