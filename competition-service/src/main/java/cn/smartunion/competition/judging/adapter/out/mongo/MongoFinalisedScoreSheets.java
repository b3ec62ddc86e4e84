package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.FinalisedScoreSheet;
import cn.smartunion.competition.judging.domain.FinalisedScoreSheets;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code finalised_score_sheets}, {@code _id = competitionId:stage:entryId}: an upsert whose every field, the
 * {@code ScoresFinalised} outbox included, is {@code $setOnInsert}, so only the write that creates the document
 * produces the event; a concurrent or retried finalisation matches the existing document and changes nothing.
 */
@Repository
class MongoFinalisedScoreSheets implements FinalisedScoreSheets {

    static final String COLLECTION = "finalised_score_sheets";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoFinalisedScoreSheets(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    private static String id(String competitionId, String stage, String entryId) {
        return competitionId + ":" + stage + ":" + entryId;
    }

    @Override
    public boolean isFinalised(String competitionId, String stage, String entryId) {
        return mongo.exists(Query.query(where("_id").is(id(competitionId, stage, entryId))), COLLECTION);
    }

    @Override
    public boolean finalise(FinalisedScoreSheet s, Object finalisedEvent) {
        Update update = new Update().setOnInsert("competitionId", s.competitionId()).setOnInsert("stage", s.stage())
                .setOnInsert("entryId", s.entryId()).setOnInsert("totalMarks", s.totalMarks().toPlainString())
                .setOnInsert("ledgerSeq", s.ledgerSeq()).setOnInsert("ledgerHash", s.ledgerHash())
                .setOnInsert("orgId", s.orgId()).setOnInsert("orgPath", s.orgPath())
                .setOnInsert("finalisedAt", Date.from(s.finalisedAt()))
                .setOnInsert(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.SCORES_FINALISED, s.competitionId(), s.orgPath(), finalisedEvent))));
        try {
            return mongo.upsert(Query.query(where("_id").is(id(s.competitionId(), s.stage(), s.entryId()))), update,
                    COLLECTION).getUpsertedId() != null;
        }
        catch (DuplicateKeyException concurrentUpsertCreatedItFirst) {
            return false;
        }
    }
}
