package cn.smartunion.competition.results.adapter.out.mongo;

import cn.smartunion.competition.results.domain.Appeal;
import cn.smartunion.competition.results.domain.Appeals;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.AppealOutcome;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code appeals}: the id derives from (competition, stage, entry, results version), so an entry has at most one
 * appeal per results version; {@code AppealLodged} / {@code AppealDecided} go into the appeal's outbox in the same
 * write. The grounds are stored encrypted.
 */
@Repository
class MongoAppeals implements Appeals {

    static final String COLLECTION = "appeals";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoAppeals(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public boolean lodge(Appeal a, Object lodgedEvent) {
        Document d = new Document("_id", a.appealId()).append("competitionId", a.competitionId())
                .append("stage", a.stage()).append("entryId", a.entryId()).append("orgId", a.orgId())
                .append("orgPath", a.orgPath()).append("resultsVersion", a.resultsVersion())
                .append("criteria", a.criteria()).append("grounds", a.groundsCiphertext())
                .append("lodgedBy", a.lodgedBy()).append("lodgedAt", Date.from(a.lodgedAt()))
                .append("status", a.status().name()).append("decision", null)
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(EventTypes.APPEAL_LODGED,
                        a.competitionId(), a.orgPath(), lodgedEvent))));
        try {
            mongo.insert(d, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException lodgedBefore) {
            return false;
        }
    }

    @Override
    public Optional<Appeal> find(String appealId) {
        return Optional.ofNullable(mongo.findById(appealId, Document.class, COLLECTION)).map(MongoAppeals::toDomain);
    }

    @Override
    public boolean decide(String appealId, Appeal.Status status, Appeal.Decision decision, Object decidedEvent) {
        Document current = mongo.findById(appealId, Document.class, COLLECTION);
        if (current == null) {
            return false;
        }
        Document stored = new Document("outcome", decision.outcome().name()).append("reason", decision.reason())
                .append("decidedBy", decision.decidedBy())
                .append("chiefJudgeMemberId", decision.chiefJudgeMemberId())
                .append("decidedAt", Date.from(decision.decidedAt()))
                .append("corrections", decision.corrections().stream().map(c -> new Document("entryId", c.entryId())
                        .append("criterion", c.criterion()).append("judgeMemberId", c.judgeMemberId())
                        .append("value", c.value().toPlainString()).append("reason", c.reason())
                        .append("correctsSeq", c.correctsSeq()).append("ledgerSeq", c.ledgerSeq())).toList());
        Update update = new Update().set("status", status.name()).set("decision", stored)
                .push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.APPEAL_DECIDED,
                        current.getString("competitionId"), current.getString("orgPath"), decidedEvent)));
        return mongo.updateFirst(Query.query(where("_id").is(appealId).and("status").is(Appeal.Status.OPEN.name())),
                update, COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public void correctionWritten(String appealId, int index, long ledgerSeq) {
        mongo.updateFirst(Query.query(where("_id").is(appealId)),
                new Update().set("decision.corrections." + index + ".ledgerSeq", ledgerSeq), COLLECTION);
    }

    @Override
    public long countOpen(String competitionId, String stage) {
        return mongo.count(Query.query(where("competitionId").is(competitionId).and("stage").is(stage)
                .and("status").is(Appeal.Status.OPEN.name())), COLLECTION);
    }

    @Override
    public List<Appeal> list(String competitionId, String stage, int page, int size) {
        Query query = Query.query(where("competitionId").is(competitionId).and("stage").is(stage))
                .with(Sort.by("lodgedAt", "_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAppeals::toDomain).toList();
    }

    @Override
    public long count(String competitionId, String stage) {
        return mongo.count(Query.query(where("competitionId").is(competitionId).and("stage").is(stage)), COLLECTION);
    }

    private static Appeal toDomain(Document d) {
        Document decision = d.get("decision", Document.class);
        Appeal.Decision decided = null;
        if (decision != null) {
            decided = new Appeal.Decision(AppealOutcome.valueOf(decision.getString("outcome")),
                    decision.getString("reason"), decision.getList("corrections", Document.class).stream()
                    .map(c -> {
                        Number ledgerSeq = c.get("ledgerSeq", Number.class);
                        return new Appeal.Correction(c.getString("entryId"), c.getString("criterion"),
                                c.getString("judgeMemberId"), new BigDecimal(c.getString("value")),
                                c.getString("reason"), c.get("correctsSeq", Number.class).longValue(),
                                ledgerSeq == null ? null : ledgerSeq.longValue());
                    }).toList(), decision.getString("decidedBy"), decision.getString("chiefJudgeMemberId"),
                    decision.getDate("decidedAt").toInstant());
        }
        return new Appeal(d.getString("_id"), d.getString("competitionId"), d.getString("stage"),
                d.getString("entryId"), d.getString("orgId"), d.getString("orgPath"),
                d.get("resultsVersion", Number.class).intValue(), d.getList("criteria", String.class),
                d.getString("grounds"), d.getString("lodgedBy"), d.getDate("lodgedAt").toInstant(),
                Appeal.Status.valueOf(d.getString("status")), decided);
    }
}
