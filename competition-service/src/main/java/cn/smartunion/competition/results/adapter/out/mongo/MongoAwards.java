package cn.smartunion.competition.results.adapter.out.mongo;

import cn.smartunion.competition.results.domain.Awards;
import cn.smartunion.competition.results.domain.ConferredTitle;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.TitleType;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code conferred_titles} and {@code result_certifications}: one document per derived id, inserted with its
 * {@code TitleConferred} / {@code SkillLevelCertified} in the outbox; a duplicate id means it was conferred before.
 */
@Repository
class MongoAwards implements Awards {

    static final String TITLES = "conferred_titles";
    static final String CERTIFICATIONS = "result_certifications";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoAwards(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void confer(ConferredTitle t, Object conferredEvent) {
        Document d = new Document("_id", t.titleId()).append("title", t.title().name())
                .append("level", t.level().name()).append("recipientType", t.recipientType().name())
                .append("memberId", t.memberId()).append("personId", t.personId()).append("entryId", t.entryId())
                .append("unitCreditCode", t.unitCreditCode()).append("competitionId", t.competitionId())
                .append("stage", t.stage()).append("trade", t.trade()).append("orgId", t.orgId())
                .append("orgPath", t.orgPath()).append("recipientOrgPath", t.recipientOrgPath())
                .append("conferredOn", t.conferredOn().toString()).append("conferredAt", Date.from(t.conferredAt()))
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.TITLE_CONFERRED, t.titleId(), t.orgPath(), conferredEvent))));
        try {
            mongo.insert(d, TITLES);
        }
        catch (DuplicateKeyException conferredBefore) {
            // the retry of a finalisation: the title and its event exist already
        }
    }

    @Override
    public void certify(String certificationId, String memberId, String personId, String competitionId,
                        String orgPath, Object certifiedEvent) {
        Document d = new Document("_id", certificationId).append("memberId", memberId).append("personId", personId)
                .append("competitionId", competitionId).append("orgPath", orgPath)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.SKILL_LEVEL_CERTIFIED, certificationId, orgPath, certifiedEvent))));
        try {
            mongo.insert(d, CERTIFICATIONS);
        }
        catch (DuplicateKeyException certifiedBefore) {
            // the retry of a finalisation
        }
    }

    @Override
    public List<ConferredTitle> titlesOf(String memberId, String scopePath, int page, int size) {
        Query query = query(memberId, scopePath).with(Sort.by(Sort.Direction.DESC, "conferredAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, TITLES).stream().map(MongoAwards::toDomain).toList();
    }

    @Override
    public long countTitlesOf(String memberId, String scopePath) {
        return mongo.count(query(memberId, scopePath), TITLES);
    }

    private static Query query(String memberId, String scopePath) {
        Query query = Query.query(where("memberId").is(memberId));
        if (scopePath != null) {
            query.addCriteria(new Criteria().orOperator(OrgScope.subtree("orgPath", scopePath),
                    OrgScope.subtree("recipientOrgPath", scopePath)));
        }
        return query;
    }

    private static ConferredTitle toDomain(Document d) {
        return new ConferredTitle(d.getString("_id"), TitleType.valueOf(d.getString("title")),
                CompetitionLevel.valueOf(d.getString("level")), RecipientType.valueOf(d.getString("recipientType")),
                d.getString("memberId"), d.getString("personId"), d.getString("entryId"),
                d.getString("unitCreditCode"), d.getString("competitionId"), d.getString("stage"),
                d.getString("trade"), d.getString("orgId"), d.getString("orgPath"), d.getString("recipientOrgPath"),
                LocalDate.parse(d.getString("conferredOn")), d.getDate("conferredAt").toInstant());
    }
}
