package cn.smartunion.membership.member.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The unions members can belong to, read from the organisation tree this service keeps. */
public interface UnionOrgs {

    Optional<UnionOrg> find(String orgId);

    /** The unions with these ids that exist, by id; for naming the unions of a page of records in one read. */
    Map<String, UnionOrg> findAll(Collection<String> orgIds);

    /**
     * @param dissolved true once the union was dissolved: it takes no new members
     */
    record UnionOrg(String id, String path, String name, boolean dissolved) {

        public OrgRef ref() {
            return new OrgRef(id, path);
        }
    }
}
