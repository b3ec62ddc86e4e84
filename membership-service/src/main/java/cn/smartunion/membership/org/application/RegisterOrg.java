package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgType;

/** Register a union organisation under an existing parent. */
public record RegisterOrg(String parentId, String code, String name, OrgType orgType) {
}
