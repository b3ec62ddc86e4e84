package cn.smartunion.competition.honour.adapter.out.mongo;

import cn.smartunion.competition.honour.domain.Honour;
import cn.smartunion.competition.honour.domain.HonourStatus;
import cn.smartunion.competition.honour.domain.Honours;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RevocationReason;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code honours}: id derived from the nomination (insert once), events in the outbox of the same write. */
@Repository
class MongoHonours implements Honours {

    static final String COLLECTION = "honours";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoHonours(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public boolean addIfAbsent(Honour h, Object conferredEvent) {
        ensureIndexes();
        Document d = new Document("_id", h.id()).append("nominationId", h.nominationId())
                .append("selectionId", h.selectionId()).append("type", h.type().name())
                .append("level", h.level().name()).append("cycle", h.cycle())
                .append("recipient", RecipientDocuments.of(h.recipient())).append("frontline", h.frontline())
                .append("groupTags", h.groupTags()).append("orgId", h.orgId()).append("orgPath", h.orgPath())
                .append("conferringOrgPath", h.conferringOrgPath()).append("conferredOn", h.conferredOn().toString())
                .append("conferredAt", Date.from(h.conferredAt())).append("status", h.status().name())
                .append("revocation", null).append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.HONOUR_CONFERRED, h.id(), h.orgPath(), conferredEvent))));
        try {
            mongo.insert(d, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException conferredBefore) {
            return false;
        }
    }

    @Override
    public void revoke(Honour h, Object revokedEvent) {
        Honour.Revocation r = h.revocation();
        Update update = new Update().set("status", HonourStatus.REVOKED.name()).inc("version", 1)
                .set("revocation", new Document("reason", r.reason().name()).append("revokedOn", r.revokedOn().toString())
                        .append("revokedBy", r.revokedBy()).append("revokedAt", Date.from(r.revokedAt())))
                .push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.HONOUR_REVOKED, h.id(),
                        h.orgPath(), revokedEvent)));
        Query current = Query.query(where("_id").is(h.id()).and("version").is(h.version())
                .and("status").is(HonourStatus.CONFERRED.name()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new Nominations.ConcurrentChange(h.id());
        }
    }

    @Override
    public Optional<Honour> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoHonours::toDomain);
    }

    @Override
    public List<Honour> listWithin(String scopePath, Filter filter, int page, int size) {
        return page(filtered(new Query(OrgScope.subtree("orgPath", scopePath)), filter), page, size);
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(new Query(OrgScope.subtree("orgPath", scopePath)), filter), COLLECTION);
    }

    @Override
    public List<Honour> ofMember(String memberId, int page, int size) {
        return page(Query.query(where("recipient.memberId").is(memberId)), page, size);
    }

    @Override
    public long countOfMember(String memberId) {
        return mongo.count(Query.query(where("recipient.memberId").is(memberId)), COLLECTION);
    }

    @Override
    public long countOfSelection(String selectionId) {
        return mongo.count(Query.query(where("selectionId").is(selectionId)), COLLECTION);
    }

    private List<Honour> page(Query query, int page, int size) {
        query.with(Sort.by(Sort.Direction.DESC, "conferredOn").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoHonours::toDomain).toList();
    }

    private static Query filtered(Query query, Filter f) {
        if (f.memberId() != null) {
            query.addCriteria(where("recipient.memberId").is(f.memberId()));
        }
        if (f.personId() != null) {
            query.addCriteria(where("recipient.personId").is(f.personId()));
        }
        if (f.teamId() != null) {
            query.addCriteria(where("recipient.teamId").is(f.teamId()));
        }
        if (f.unitCreditCode() != null) {
            query.addCriteria(where("recipient.unitCreditCode").is(f.unitCreditCode()));
        }
        if (f.type() != null) {
            query.addCriteria(where("type").is(f.type().name()));
        }
        if (f.status() != null) {
            query.addCriteria(where("status").is(f.status().name()));
        }
        if (f.selectionId() != null) {
            query.addCriteria(where("selectionId").is(f.selectionId()));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("recipient.memberId", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("conferredOn", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("selectionId", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Honour toDomain(Document d) {
        Document r = d.get("revocation", Document.class);
        Number version = d.get("version", Number.class);
        return new Honour(d.getString("_id"), d.getString("nominationId"), d.getString("selectionId"),
                HonourType.valueOf(d.getString("type")), HonourLevel.valueOf(d.getString("level")),
                d.getString("cycle"), RecipientDocuments.toDomain(d.get("recipient", Document.class)),
                Boolean.TRUE.equals(d.getBoolean("frontline")), d.getList("groupTags", String.class),
                d.getString("orgId"), d.getString("orgPath"), d.getString("conferringOrgPath"),
                LocalDate.parse(d.getString("conferredOn")), d.getDate("conferredAt").toInstant(),
                HonourStatus.valueOf(d.getString("status")),
                r == null ? null : new Honour.Revocation(RevocationReason.valueOf(r.getString("reason")),
                        LocalDate.parse(r.getString("revokedOn")), r.getString("revokedBy"),
                        r.getDate("revokedAt").toInstant()),
                version == null ? 0 : version.longValue());
    }
}
