package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;

/** Register a union organisation under an existing parent. */
public record RegisterOrg(String parentId, String code, String name, OrgType orgType, OrgProfile profile) {

    public RegisterOrg {
        profile = profile == null ? OrgProfile.none() : profile;
    }

    /** With nothing known beyond the unit's place in the tree. */
    public RegisterOrg(String parentId, String code, String name, OrgType orgType) {
        this(parentId, code, name, orgType, OrgProfile.none());
    }
}
