package cn.smartunion.competition.innovation.adapter.out.mongo;

import cn.smartunion.competition.innovation.domain.Innovation;
import cn.smartunion.competition.innovation.domain.InnovationStatus;
import cn.smartunion.competition.innovation.domain.Innovations;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.InnovationOutcome;
import cn.smartunion.contracts.competition.InnovationType;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/** {@code innovations}: authors as ids only, benefits as an append-only history, events in the outbox. */
@Repository
class MongoInnovations implements Innovations {

    static final String COLLECTION = "innovations";
    private static final String AUTHOR_MEMBER = "authors.memberId";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoInnovations(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(Innovation i, Object submittedEvent) {
        ensureIndexes();
        Document d = new Document("_id", i.id()).append("orgId", i.orgId()).append("orgPath", i.orgPath())
                .append("type", i.type().name()).append("title", i.title()).append("summary", i.summary())
                .append("unitCreditCode", i.unitCreditCode())
                .append("authors", i.authors().stream().map(a -> new Document("memberId", a.memberId())
                        .append("personId", a.personId())).toList())
                .append("patent", i.patent()).append("byMember", i.byMember()).append("submittedBy", i.submittedBy())
                .append("submittedAt", Date.from(i.submittedAt())).append("status", i.status().name())
                .append("evaluation", null).append("benefits", List.of()).append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.INNOVATION_SUBMITTED, i.id(), i.orgPath(), submittedEvent))));
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(Innovation i, EventType eventType, Object event) {
        Innovation.Evaluation e = i.evaluation();
        Innovation.Benefit current = i.currentBenefit();
        Update update = new Update().set("status", i.status().name()).inc("version", 1)
                .set("evaluation", e == null ? null : new Document("outcome", e.outcome().name())
                        .append("reason", e.reason()).append("evaluatedOn", e.evaluatedOn().toString())
                        .append("evaluatedBy", e.evaluatedBy()).append("evaluatedAt", Date.from(e.evaluatedAt())))
                .set("benefits", i.benefits().stream().map(MongoInnovations::benefit).toList())
                .set("currentBenefitFen", current == null ? null : current.amountFen())
                .push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(eventType, i.id(), i.orgPath(),
                        event)));
        Query current0 = Query.query(where("_id").is(i.id()).and("version").is(i.version()));
        if (mongo.updateFirst(current0, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(i.id());
        }
    }

    @Override
    public Optional<Innovation> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoInnovations::toDomain);
    }

    @Override
    public List<Innovation> listWithin(String scopePath, Filter filter, int page, int size) {
        Query query = filtered(scopePath, filter).with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoInnovations::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(scopePath, filter), COLLECTION);
    }

    @Override
    public List<Innovation> ofAuthor(String memberId, int page, int size) {
        Query query = Query.query(where(AUTHOR_MEMBER).is(memberId))
                .with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoInnovations::toDomain).toList();
    }

    @Override
    public long countOfAuthor(String memberId) {
        return mongo.count(Query.query(where(AUTHOR_MEMBER).is(memberId)), COLLECTION);
    }

    private static Query filtered(String scopePath, Filter f) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (f.type() != null) {
            query.addCriteria(where("type").is(f.type().name()));
        }
        if (f.status() != null) {
            query.addCriteria(where("status").is(f.status().name()));
        }
        if (f.unitCreditCode() != null) {
            query.addCriteria(where("unitCreditCode").is(f.unitCreditCode()));
        }
        return query;
    }

    private static Document benefit(Innovation.Benefit b) {
        return new Document("revision", b.revision()).append("amountFen", b.amountFen())
                .append("periodFrom", b.periodFrom().toString()).append("periodTo", b.periodTo().toString())
                .append("verifiedBy", b.verifiedBy()).append("verifiedOn", b.verifiedOn().toString())
                .append("recordedBy", b.recordedBy()).append("recordedAt", Date.from(b.recordedAt()));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("submittedAt", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("unitCreditCode", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on(AUTHOR_MEMBER, Sort.Direction.ASC)
                    .on("submittedAt", Sort.Direction.DESC).named("authorNewestFirst"));
            indexed = true;
        }
    }

    private static Innovation toDomain(Document d) {
        Document e = d.get("evaluation", Document.class);
        Number version = d.get("version", Number.class);
        return new Innovation(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                InnovationType.valueOf(d.getString("type")), d.getString("title"), d.getString("summary"),
                d.getString("unitCreditCode"), d.getList("authors", Document.class).stream()
                .map(a -> new Innovation.Author(a.getString("memberId"), a.getString("personId"))).toList(),
                Boolean.TRUE.equals(d.getBoolean("patent")), Boolean.TRUE.equals(d.getBoolean("byMember")),
                d.getString("submittedBy"), d.getDate("submittedAt").toInstant(),
                InnovationStatus.valueOf(d.getString("status")),
                e == null ? null : new Innovation.Evaluation(InnovationOutcome.valueOf(e.getString("outcome")),
                        e.getString("reason"), LocalDate.parse(e.getString("evaluatedOn")), e.getString("evaluatedBy"),
                        e.getDate("evaluatedAt").toInstant()),
                d.getList("benefits", Document.class).stream().map(b -> new Innovation.Benefit(
                        b.get("revision", Number.class).intValue(), b.get("amountFen", Number.class).longValue(),
                        LocalDate.parse(b.getString("periodFrom")), LocalDate.parse(b.getString("periodTo")),
                        b.getString("verifiedBy"), LocalDate.parse(b.getString("verifiedOn")),
                        b.getString("recordedBy"), b.getDate("recordedAt").toInstant())).toList(),
                version == null ? 0 : version.longValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget innovationsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }

        @Bean
        RescopeTarget innovationStudiosRescopeTarget() {
            return RescopeTarget.ownedRecords(MongoStudios.COLLECTION, "orgPath", "version");
        }
    }
}
