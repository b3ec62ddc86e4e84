package cn.smartunion.membership.org.application;

/** Place an organisation, and everything under it, under another parent. */
public record MoveOrg(String orgId, String newParentId) {
}
