package cn.smartunion.membership.member.adapter.in.web;

import cn.smartunion.membership.member.domain.OrgRef;

/** A union as member, application and transfer bodies name it. */
public record OrgView(String id, String path, String name) {

    public static OrgView of(OrgRef org, String name) {
        return new OrgView(org.id(), org.path(), name);
    }
}
