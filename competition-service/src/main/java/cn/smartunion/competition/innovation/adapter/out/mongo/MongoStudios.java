package cn.smartunion.competition.innovation.adapter.out.mongo;

import cn.smartunion.competition.innovation.domain.Innovations;
import cn.smartunion.competition.innovation.domain.Studio;
import cn.smartunion.competition.innovation.domain.StudioStatus;
import cn.smartunion.competition.innovation.domain.Studios;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.StudioLevel;
import cn.smartunion.contracts.competition.StudioRating;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
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

/**
 * {@code innovation_studios}; {@code nextReviewDue} is an ISO date string, so "due before" is a string comparison the
 * index on (status, nextReviewDue) answers.
 */
@Repository
class MongoStudios implements Studios {

    static final String COLLECTION = "innovation_studios";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoStudios(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(Studio s, Object registeredEvent) {
        ensureIndexes();
        Document d = new Document("_id", s.id()).append("orgId", s.orgId()).append("orgPath", s.orgPath())
                .append("name", s.name()).append("unitCreditCode", s.unitCreditCode())
                .append("leaderMemberId", s.leaderMemberId()).append("demonstration", s.demonstration())
                .append("alliance", s.alliance()).append("foundedOn", s.foundedOn().toString())
                .append("reviewPeriodMonths", s.reviewPeriodMonths()).append("registeredAt", Date.from(s.registeredAt()))
                .append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.INNOVATION_STUDIO_REGISTERED, s.id(), s.orgPath(), registeredEvent))));
        d.putAll(state(s));
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(Studio s, EventType eventType, Object event) {
        Update update = new Update().inc("version", 1);
        state(s).forEach(update::set);
        if (eventType != null) {
            update.push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(eventType, s.id(), s.orgPath(),
                    event)));
        }
        Query current = Query.query(where("_id").is(s.id()).and("version").is(s.version()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new Innovations.ConcurrentChange(s.id());
        }
    }

    private static Document state(Studio s) {
        return new Document("level", s.level().name()).append("status", s.status().name())
                .append("nextReviewDue", s.nextReviewDue() == null ? null : s.nextReviewDue().toString())
                .append("fundingGrantedFen", s.fundingGrantedFen())
                .append("levelChanges", s.levelChanges().stream().map(c -> new Document("from", c.from().name())
                        .append("to", c.to().name()).append("effectiveOn", c.effectiveOn().toString())
                        .append("changedBy", c.changedBy()).append("changedAt", Date.from(c.changedAt()))).toList())
                .append("reviews", s.reviews().stream().map(r -> new Document("rating", r.rating().name())
                        .append("reviewedOn", r.reviewedOn().toString())
                        .append("nextReviewDue", r.nextReviewDue() == null ? null : r.nextReviewDue().toString())
                        .append("fundingGrantedFen", r.fundingGrantedFen()).append("reviewedBy", r.reviewedBy())
                        .append("reviewedAt", Date.from(r.reviewedAt()))).toList())
                .append("outputs", s.outputs().stream().map(o -> new Document("year", o.year())
                        .append("projects", o.projects()).append("patents", o.patents())
                        .append("peopleTrained", o.peopleTrained()).append("benefitFen", o.benefitFen())).toList());
    }

    @Override
    public Optional<Studio> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoStudios::toDomain);
    }

    @Override
    public List<Studio> listWithin(String scopePath, StudioLevel level, StudioStatus status, int page, int size) {
        Query query = filtered(scopePath, level, status).with(Sort.by("name").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoStudios::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, StudioLevel level, StudioStatus status) {
        return mongo.count(filtered(scopePath, level, status), COLLECTION);
    }

    @Override
    public List<Studio> overdueWithin(String scopePath, LocalDate asOf, int page, int size) {
        Query query = overdue(scopePath, asOf).with(Sort.by("nextReviewDue").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoStudios::toDomain).toList();
    }

    @Override
    public long countOverdueWithin(String scopePath, LocalDate asOf) {
        return mongo.count(overdue(scopePath, asOf), COLLECTION);
    }

    private static Query overdue(String scopePath, LocalDate asOf) {
        return new Query(OrgScope.subtree("orgPath", scopePath)).addCriteria(where("status")
                .is(StudioStatus.ACTIVE.name()).and("nextReviewDue").lt(asOf.toString()));
    }

    private static Query filtered(String scopePath, StudioLevel level, StudioStatus status) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (level != null) {
            query.addCriteria(where("level").is(level.name()));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status.name()));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("name", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("nextReviewDue", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Studio toDomain(Document d) {
        Number version = d.get("version", Number.class);
        Number funding = d.get("fundingGrantedFen", Number.class);
        String due = d.getString("nextReviewDue");
        return new Studio(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"), d.getString("name"),
                d.getString("unitCreditCode"), d.getString("leaderMemberId"), StudioLevel.valueOf(d.getString("level")),
                Boolean.TRUE.equals(d.getBoolean("demonstration")), d.getString("alliance"),
                LocalDate.parse(d.getString("foundedOn")), d.get("reviewPeriodMonths", Number.class).intValue(),
                due == null ? null : LocalDate.parse(due), funding == null ? null : funding.longValue(),
                StudioStatus.valueOf(d.getString("status")),
                d.getList("levelChanges", Document.class).stream().map(c -> new Studio.LevelChange(
                        StudioLevel.valueOf(c.getString("from")), StudioLevel.valueOf(c.getString("to")),
                        LocalDate.parse(c.getString("effectiveOn")), c.getString("changedBy"),
                        c.getDate("changedAt").toInstant())).toList(),
                d.getList("reviews", Document.class).stream().map(r -> {
                    Number f = r.get("fundingGrantedFen", Number.class);
                    String next = r.getString("nextReviewDue");
                    return new Studio.Review(StudioRating.valueOf(r.getString("rating")),
                            LocalDate.parse(r.getString("reviewedOn")), next == null ? null : LocalDate.parse(next),
                            f == null ? null : f.longValue(), r.getString("reviewedBy"),
                            r.getDate("reviewedAt").toInstant());
                }).toList(),
                d.getList("outputs", Document.class).stream().map(o -> new Studio.Outputs(
                        o.get("year", Number.class).intValue(), o.get("projects", Number.class).intValue(),
                        o.get("patents", Number.class).intValue(), o.get("peopleTrained", Number.class).intValue(),
                        o.get("benefitFen", Number.class).longValue())).toList(),
                d.getDate("registeredAt").toInstant(), version == null ? 0 : version.longValue());
    }
}
