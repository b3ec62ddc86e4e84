package cn.smartunion.rights.supervision.adapter.out.mongo;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.NoticeType;
import cn.smartunion.rights.supervision.domain.Employer;
import cn.smartunion.rights.supervision.domain.NoticeStatus;
import cn.smartunion.rights.supervision.domain.SupervisionNotice;
import cn.smartunion.rights.supervision.domain.SupervisionNotices;
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

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code supervision_notices}: the content encrypted, the issued event in the outbox of the same insert. */
@Repository
class MongoSupervisionNotices implements SupervisionNotices {

    static final String COLLECTION = "supervision_notices";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoSupervisionNotices(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(SupervisionNotice notice, Object issuedEvent) {
        ensureIndexes();
        Document d = new Document("_id", notice.id())
                .append("orgId", notice.orgId())
                .append("orgPath", notice.orgPath())
                .append("type", notice.type().name())
                .append("employer", new Document("employerId", notice.employer().employerId())
                        .append("creditCode", notice.employer().creditCode())
                        .append("name", notice.employer().name()))
                .append("issues", notice.issues().stream().map(Enum::name).toList())
                .append("caseId", notice.caseId())
                .append("content", notice.contentCiphertext())
                .append("issuedOn", notice.issuedOn().toString())
                .append("issuedBy", notice.issuedBy())
                .append("createdAt", Date.from(notice.createdAt()))
                .append("status", notice.status().name())
                .append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.SUPERVISION_NOTICE_ISSUED, notice.id(), notice.orgPath(), issuedEvent))));
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(SupervisionNotice notice) {
        Update update = new Update().set("status", notice.status().name())
                .set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        SupervisionNotice.Response r = notice.response();
        if (r != null) {
            update.set("response", new Document("respondedOn", r.respondedOn().toString())
                    .append("accepted", r.accepted()).append("recordedBy", r.recordedBy()));
        }
        Query current = Query.query(where("_id").is(notice.id()).and("version").is(notice.version()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(notice.id());
        }
    }

    @Override
    public Optional<SupervisionNotice> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(MongoSupervisionNotices::toDomain);
    }

    @Override
    public List<SupervisionNotice> listWithin(String scopePath, Filter filter, int page, int size) {
        Query query = filtered(scopePath, filter)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoSupervisionNotices::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(scopePath, filter), COLLECTION);
    }

    private static Query filtered(String scopePath, Filter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (filter.type() != null) {
            query.addCriteria(where("type").is(filter.type().name()));
        }
        if (filter.employerCreditCode() != null) {
            query.addCriteria(where("employer.creditCode").is(filter.employerCreditCode()));
        }
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("createdAt", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("employer.creditCode", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static SupervisionNotice toDomain(Document d) {
        Document e = d.get("employer", Document.class);
        Document r = d.get("response", Document.class);
        SupervisionNotice.Response response = r == null ? null : new SupervisionNotice.Response(
                LocalDate.parse(r.getString("respondedOn")), Boolean.TRUE.equals(r.getBoolean("accepted")),
                r.getString("recordedBy"));
        List<String> issues = d.getList("issues", String.class);
        Number version = d.get("version", Number.class);
        return new SupervisionNotice(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                NoticeType.valueOf(d.getString("type")),
                new Employer(e.getString("employerId"), e.getString("creditCode"), e.getString("name")),
                issues.stream().map(ClaimType::valueOf).toList(), d.getString("caseId"), d.getString("content"),
                LocalDate.parse(d.getString("issuedOn")), d.getString("issuedBy"), d.getDate("createdAt").toInstant(),
                NoticeStatus.valueOf(d.getString("status")), response, version == null ? 0L : version.longValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget supervisionNoticesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
