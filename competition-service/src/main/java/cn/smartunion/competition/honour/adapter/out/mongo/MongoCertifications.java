package cn.smartunion.competition.honour.adapter.out.mongo;

import cn.smartunion.competition.honour.domain.Certification;
import cn.smartunion.competition.honour.domain.Certifications;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.Certifier;
import cn.smartunion.contracts.competition.SkillLevel;
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
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code skill_certifications}: {@code _id} from the natural key, so a repeated recording inserts nothing. */
@Repository
class MongoCertifications implements Certifications {

    static final String COLLECTION = "skill_certifications";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoCertifications(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public boolean addIfAbsent(Certification c, Object certifiedEvent) {
        ensureIndexes();
        Document d = new Document("_id", c.id()).append("personId", c.personId()).append("memberId", c.memberId())
                .append("trade", c.trade()).append("level", c.level().name()).append("certifier", c.certifier().name())
                .append("certifyingBody", c.certifyingBody()).append("certifiedOn", c.certifiedOn().toString())
                .append("orgId", c.orgId()).append("orgPath", c.orgPath()).append("recordedBy", c.recordedBy())
                .append("recordedAt", Date.from(c.recordedAt())).append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.SKILL_LEVEL_CERTIFIED, c.id(), c.orgPath(), certifiedEvent))));
        try {
            mongo.insert(d, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    @Override
    public Optional<Certification> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(MongoCertifications::toDomain);
    }

    @Override
    public List<Certification> listWithin(String scopePath, String memberId, String trade, int page, int size) {
        Query query = filtered(scopePath, memberId, trade)
                .with(Sort.by(Sort.Direction.DESC, "certifiedOn").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCertifications::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, String memberId, String trade) {
        return mongo.count(filtered(scopePath, memberId, trade), COLLECTION);
    }

    private static Query filtered(String scopePath, String memberId, String trade) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (memberId != null) {
            query.addCriteria(where("memberId").is(memberId));
        }
        if (trade != null) {
            query.addCriteria(where("trade").is(trade));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("certifiedOn", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("personId", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Certification toDomain(Document d) {
        return new Certification(d.getString("_id"), d.getString("personId"), d.getString("memberId"),
                d.getString("trade"), SkillLevel.valueOf(d.getString("level")),
                Certifier.valueOf(d.getString("certifier")), d.getString("certifyingBody"),
                LocalDate.parse(d.getString("certifiedOn")), d.getString("orgId"), d.getString("orgPath"),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget skillCertificationsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
