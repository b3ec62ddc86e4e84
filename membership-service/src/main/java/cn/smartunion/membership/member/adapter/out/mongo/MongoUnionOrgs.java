package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.membership.member.domain.UnionOrgs;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads unions from the organisation feature's {@code orgs} collection (same service, same database), read-only and
 * only the fields members need: path, name and the {@code dissolved} flag (absent on units registered before
 * dissolution existed, which counts as not dissolved).
 */
@Repository
class MongoUnionOrgs implements UnionOrgs {

    static final String ORGS = "orgs";

    private final MongoTemplate mongo;

    MongoUnionOrgs(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<UnionOrg> find(String orgId) {
        Query query = Query.query(where("_id").is(orgId));
        query.fields().include("path", "name", "dissolved");
        Document org = mongo.findOne(query, Document.class, ORGS);
        if (org == null || org.getString("path") == null) {
            return Optional.empty();
        }
        return Optional.of(unionOrg(org));
    }

    @Override
    public Map<String, UnionOrg> findAll(Collection<String> orgIds) {
        Map<String, UnionOrg> found = new HashMap<>();
        if (orgIds.isEmpty()) {
            return found;
        }
        Query query = Query.query(where("_id").in(orgIds));
        query.fields().include("path", "name", "dissolved");
        for (Document org : mongo.find(query, Document.class, ORGS)) {
            if (org.getString("path") != null) {
                found.put(org.getString("_id"), unionOrg(org));
            }
        }
        return found;
    }

    private static UnionOrg unionOrg(Document org) {
        return new UnionOrg(org.getString("_id"), org.getString("path"), org.getString("name"),
                Boolean.TRUE.equals(org.get("dissolved")));
    }
}
