package cn.smartunion.membership.org.application;

import cn.smartunion.membership.org.domain.OrgProfile;

/** Replace an organisation's name and descriptive record (its code, kind and place in the tree stay). */
public record UpdateOrg(String orgId, String name, OrgProfile profile) {
}
