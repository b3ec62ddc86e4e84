package cn.smartunion.membership.joining.domain;

/** Why a union turns an application down: stable codes for the applicant's app and for analysts. */
public enum RejectionReason {
    /** 不符合入会条件 (e.g. not a wage earner, under age for the union's rules). */
    NOT_ELIGIBLE,
    /** 重复申请 / already a member: the person joined by another way meanwhile. */
    DUPLICATE,
    /** 信息不完整或有误: the applicant should apply again with complete details. */
    INCOMPLETE_INFORMATION,
    /** 应向其他工会申请: another union (the employer's, the regional or industry union) should receive it. */
    WRONG_UNION,
    /** 实名信息核验未通过. */
    IDENTITY_NOT_VERIFIED,
    /** Any other reason; a note saying which is required. */
    OTHER
}
