package cn.smartunion.aid.eligibility.adapter.out.mongo;

import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.runtime.consumer.IdempotentProjection;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code member_records}: one document per member, each event applied once with {@link IdempotentProjection}. Standing
 * changes are appended with the date they take effect; a member's events share a partition key, so they arrive in
 * the order membership-service raised them.
 */
@Repository
public class MongoMemberRecords implements MemberRecords {

    static final String COLLECTION = "member_records";

    private final MongoTemplate mongo;
    private final IdempotentProjection projection;

    MongoMemberRecords(MongoTemplate mongo, IdempotentProjection projection) {
        this.mongo = mongo;
        this.projection = projection;
    }

    @Override
    public Optional<MemberRecord> find(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, Document.class, COLLECTION))
                .map(d -> toRecord(memberId, d));
    }

    @Override
    public Optional<MemberRecord> findWithin(String memberId, String scopePath) {
        Query query = Query.query(where("_id").is(memberId)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(d -> toRecord(memberId, d));
    }

    private static MemberRecord toRecord(String memberId, Document d) {
        List<MemberRecord.StandingChange> changes = new ArrayList<>();
        for (Document change : d.getList("changes", Document.class, List.of())) {
            changes.add(new MemberRecord.StandingChange(MemberStanding.valueOf(change.getString("standing")),
                    LocalDate.parse(change.getString("from"))));
        }
        List<MemberRecord.Honour> honours = new ArrayList<>();
        Document byId = d.get("honours", Document.class);
        if (byId != null) {
            for (Object value : byId.values()) {
                Document h = (Document) value;
                if (h.getString("honourId") != null) {
                    honours.add(new MemberRecord.Honour(h.getString("honourId"), h.getString("type"),
                            h.getString("level"), h.getString("cycle"), LocalDate.parse(h.getString("conferredOn")),
                            h.getString("revokedOn") == null ? null : LocalDate.parse(h.getString("revokedOn"))));
                }
            }
        }
        return new MemberRecord(memberId, d.getString("orgId"), d.getString("orgPath"),
                new LinkedHashSet<>(d.getList("groupTags", String.class, List.of())), changes, honours);
    }

    public boolean standingChanged(String eventId, String memberId, String orgId, String orgPath,
                                   MemberStanding standing, LocalDate from) {
        Update effect = new Update().push("changes").each(new Document("standing", standing.name())
                .append("from", from.toString()));
        if (orgId != null) {
            effect.set("orgId", orgId).set("orgPath", orgPath);
        }
        return projection.apply(COLLECTION, memberId, eventId, effect);
    }

    public boolean activated(String eventId, String memberId, String orgId, String orgPath, List<String> groupTags,
                             LocalDate from) {
        Update effect = new Update().set("orgId", orgId).set("orgPath", orgPath)
                .set("groupTags", groupTags == null ? List.of() : groupTags)
                .push("changes").each(new Document("standing", MemberStanding.ACTIVE.name())
                        .append("from", from.toString()));
        return projection.apply(COLLECTION, memberId, eventId, effect);
    }

    public boolean moved(String eventId, String memberId, String orgId, String orgPath) {
        return projection.apply(COLLECTION, memberId, eventId,
                new Update().set("orgId", orgId).set("orgPath", orgPath));
    }

    public boolean groupTagsChanged(String eventId, String memberId, List<String> groupTags) {
        return projection.apply(COLLECTION, memberId, eventId,
                new Update().set("groupTags", groupTags == null ? List.of() : groupTags));
    }

    /** Keyed by honour id, so a redelivered conferral cannot list an honour twice. */
    public boolean honourConferred(String eventId, String memberId, String honourId, String type, String level,
                                   String cycle, LocalDate conferredOn) {
        return projection.apply(COLLECTION, memberId, eventId, new Update().set("honours." + honourId,
                new Document("honourId", honourId).append("type", type).append("level", level).append("cycle", cycle)
                        .append("conferredOn", conferredOn.toString())));
    }

    public boolean honourRevoked(String eventId, String memberId, String honourId, LocalDate revokedOn) {
        return projection.apply(COLLECTION, memberId, eventId, where("honours." + honourId).exists(true),
                new Update().set("honours." + honourId + ".revokedOn", revokedOn.toString()));
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        /** Members' union paths follow moves of the tree like every record owned by a union. */
        @Bean
        RescopeTarget memberRecordsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", null);
        }
    }
}
