package cn.smartunion.competition.honour.adapter.out.mongo;

import cn.smartunion.competition.honour.domain.Nomination;
import cn.smartunion.competition.honour.domain.NominationQuotaExhausted;
import cn.smartunion.competition.honour.domain.NominationStatus;
import cn.smartunion.competition.honour.domain.Nominations;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code honour_nominations}, unique (selectionId, recipientKey): a withdrawn nomination gives its key up so the
 * recipient may be nominated again. {@code honour_nomination_quotas}: one counter per (selection, nominating union),
 * claimed with {@code $inc} only while below the quota.
 */
@Repository
class MongoNominations implements Nominations {

    static final String COLLECTION = "honour_nominations";
    static final String QUOTAS = "honour_nomination_quotas";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoNominations(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(Nomination n, Object nominatedEvent) {
        ensureIndexes();
        Document d = new Document("_id", n.id()).append("selectionId", n.selectionId())
                .append("type", n.type().name()).append("level", n.level().name()).append("cycle", n.cycle())
                .append("conferringOrgPath", n.conferringOrgPath()).append("orgId", n.orgId())
                .append("orgPath", n.orgPath()).append("recipient", RecipientDocuments.of(n.recipient()))
                .append("recipientKey", n.recipient().key()).append("frontline", n.frontline())
                .append("groupTags", n.groupTags()).append("citation", n.citationCiphertext())
                .append("nominatedBy", n.nominatedBy()).append("nominatedAt", Date.from(n.nominatedAt()))
                .append("status", n.status().name()).append("decision", null).append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.HONOUR_NOMINATED, n.id(), n.orgPath(), nominatedEvent))));
        try {
            mongo.insert(d, COLLECTION);
        }
        catch (DuplicateKeyException duplicate) {
            throw new AlreadyNominated();
        }
    }

    @Override
    public void claimQuota(String selectionId, String nominatingOrgId, int quota) {
        String id = selectionId + "/" + nominatingOrgId;
        try {
            mongo.upsert(Query.query(where("_id").is(id)), new Update().setOnInsert("used", 0)
                    .setOnInsert("selectionId", selectionId).setOnInsert("orgId", nominatingOrgId), QUOTAS);
        }
        catch (DuplicateKeyException createdMeanwhile) {
            // another nomination created the counter first: claim from it below
        }
        boolean claimed = mongo.updateFirst(Query.query(where("_id").is(id).and("used").lt(quota)),
                new Update().inc("used", 1), QUOTAS).getModifiedCount() == 1;
        if (!claimed) {
            throw new NominationQuotaExhausted(quota);
        }
    }

    @Override
    public void releaseQuota(String selectionId, String nominatingOrgId) {
        mongo.updateFirst(Query.query(where("_id").is(selectionId + "/" + nominatingOrgId).and("used").gt(0)),
                new Update().inc("used", -1), QUOTAS);
    }

    @Override
    public void update(Nomination n, Object event) {
        Nomination.Decision decision = n.decision();
        Update update = new Update().set("status", n.status().name()).inc("version", 1)
                .set("decision", new Document("outcome", decision.outcome().name())
                        .append("reason", decision.reason()).append("decidedBy", decision.decidedBy())
                        .append("decidedAt", Date.from(decision.decidedAt())));
        if (n.status() == NominationStatus.WITHDRAWN) {
            update.set("recipientKey", "withdrawn:" + n.id());
        }
        if (event != null) {
            update.push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.HONOUR_APPROVED,
                    n.id(), n.orgPath(), event)));
        }
        Query current = Query.query(where("_id").is(n.id()).and("version").is(n.version())
                .and("status").is(NominationStatus.PENDING.name()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(n.id());
        }
    }

    @Override
    public boolean markConferred(String id) {
        return mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(NominationStatus.APPROVED.name())),
                new Update().set("status", NominationStatus.CONFERRED.name()).inc("version", 1), COLLECTION)
                .getModifiedCount() == 1;
    }

    @Override
    public Optional<Nomination> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoNominations::toDomain);
    }

    @Override
    public List<Nomination> listWithin(String scopePath, Filter filter, int page, int size) {
        Query query = filtered(scopePath, filter).with(Sort.by(Sort.Direction.DESC, "nominatedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoNominations::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(scopePath, filter), COLLECTION);
    }

    @Override
    public List<Nomination> approvedOrConferred(String selectionId, String afterId, int limit) {
        Query query = Query.query(where("selectionId").is(selectionId).and("status")
                .in(NominationStatus.APPROVED.name(), NominationStatus.CONFERRED.name()));
        if (afterId != null) {
            query.addCriteria(where("_id").gt(afterId));
        }
        query.with(Sort.by("_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoNominations::toDomain).toList();
    }

    @Override
    public long countApprovedIndividuals(String selectionId, boolean frontlineOnly) {
        Query query = Query.query(where("selectionId").is(selectionId)
                .and("recipient.type").is(RecipientType.INDIVIDUAL.name())
                .and("status").in(NominationStatus.APPROVED.name(), NominationStatus.CONFERRED.name()));
        if (frontlineOnly) {
            query.addCriteria(where("frontline").is(true));
        }
        return mongo.count(query, COLLECTION);
    }

    private static Query filtered(String scopePath, Filter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (filter.selectionId() != null) {
            query.addCriteria(where("selectionId").is(filter.selectionId()));
        }
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.recipientType() != null) {
            query.addCriteria(where("recipient.type").is(filter.recipientType().name()));
        }
        if (filter.orgId() != null) {
            query.addCriteria(where("orgId").is(filter.orgId()));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("selectionId", Sort.Direction.ASC)
                    .on("recipientKey", Sort.Direction.ASC).unique().named("one_nomination_per_recipient"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("nominatedAt", Sort.Direction.DESC));
            indexed = true;
        }
    }

    private static Nomination toDomain(Document d) {
        Document decision = d.get("decision", Document.class);
        Number version = d.get("version", Number.class);
        return new Nomination(d.getString("_id"), d.getString("selectionId"), HonourType.valueOf(d.getString("type")),
                HonourLevel.valueOf(d.getString("level")), d.getString("cycle"), d.getString("conferringOrgPath"),
                d.getString("orgId"), d.getString("orgPath"),
                RecipientDocuments.toDomain(d.get("recipient", Document.class)),
                Boolean.TRUE.equals(d.getBoolean("frontline")), d.getList("groupTags", String.class),
                d.getString("citation"), d.getString("nominatedBy"), d.getDate("nominatedAt").toInstant(),
                NominationStatus.valueOf(d.getString("status")),
                decision == null ? null : new Nomination.Decision(NominationStatus.valueOf(decision.getString("outcome")),
                        decision.getString("reason"), decision.getString("decidedBy"),
                        decision.getDate("decidedAt").toInstant()),
                version == null ? 0 : version.longValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget honourNominationsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }

        @Bean
        RescopeTarget honoursRescopeTarget() {
            return RescopeTarget.ownedRecords(MongoHonours.COLLECTION, "orgPath", "version");
        }
    }
}
