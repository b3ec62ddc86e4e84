package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.membership.org.domain.MemberPlacements;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One document per member: {@code {_id: memberId, orgId, counted}}, each change applied with the event id in the
 * same single-document update ({@link IdempotentProjection}). Counts are indexed counts over these documents.
 */
@Repository
class MongoMemberPlacements implements MemberPlacements {

    static final String COLLECTION = "org_member_placements";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;
    private volatile boolean indexed;

    MongoMemberPlacements(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public boolean place(String eventId, String memberId, String orgId) {
        return projection.apply(COLLECTION, memberId, eventId, new Update().set("orgId", orgId).set("counted", true));
    }

    @Override
    public boolean remove(String eventId, String memberId) {
        return projection.apply(COLLECTION, memberId, eventId, new Update().set("counted", false));
    }

    @Override
    public long countAt(String orgId) {
        ensureIndex();
        return mongo.count(Query.query(where("orgId").is(orgId).and("counted").is(true)), COLLECTION);
    }

    @Override
    public Map<String, Long> countsAt(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        ensureIndex();
        Aggregation counts = Aggregation.newAggregation(
                Aggregation.match(where("orgId").in(orgIds).and("counted").is(true)),
                Aggregation.group("orgId").count().as("members"));
        Map<String, Long> byOrg = new HashMap<>();
        for (Document row : mongo.aggregate(counts, COLLECTION, Document.class).getMappedResults()) {
            byOrg.put(row.getString("_id"), row.get("members", Number.class).longValue());
        }
        return byOrg;
    }

    private void ensureIndex() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgId", Sort.Direction.ASC)
                    .on("counted", Sort.Direction.ASC).named("org_counted"));
            indexed = true;
        }
    }
}
