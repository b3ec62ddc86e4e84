package cn.smartunion.membership.member.domain;

import java.util.Optional;

/** The unions members can belong to, read from the organisation tree this service keeps. */
public interface UnionOrgs {

    Optional<UnionOrg> find(String orgId);

    /**
     * @param dissolved true once the union was dissolved: it takes no new members
     */
    record UnionOrg(String id, String path, String name, boolean dissolved) {

        public OrgRef ref() {
            return new OrgRef(id, path);
        }
    }
}
