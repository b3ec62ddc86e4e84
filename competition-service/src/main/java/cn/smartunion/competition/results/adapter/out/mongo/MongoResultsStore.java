package cn.smartunion.competition.results.adapter.out.mongo;

import cn.smartunion.competition.results.domain.ResultsStore;
import cn.smartunion.competition.results.domain.StageResults;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.RankedEntry;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code stage_results}, {@code _id = competitionId:stage}: the versions, the current one, and the outbox of
 * {@code ResultsPublished} / {@code ResultsFinalised} written in the same conditional update as the change.
 */
@Repository
class MongoResultsStore implements ResultsStore {

    static final String COLLECTION = "stage_results";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoResultsStore(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    private static String id(String competitionId, String stage) {
        return competitionId + ":" + stage;
    }

    @Override
    public boolean publishFirst(StageResults r, Object publishedEvent) {
        Document d = new Document("_id", id(r.competitionId(), r.stage()))
                .append("competitionId", r.competitionId()).append("stage", r.stage())
                .append("orgId", r.orgId()).append("orgPath", r.orgPath())
                .append("status", r.status().name()).append("version", r.version())
                .append("versions", r.versions().stream().map(MongoResultsStore::version).toList())
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.RESULTS_PUBLISHED, r.competitionId(), r.orgPath(), publishedEvent))));
        try {
            mongo.insert(d, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException publishedBefore) {
            return false;
        }
    }

    @Override
    public Optional<StageResults> find(String competitionId, String stage) {
        return Optional.ofNullable(mongo.findById(id(competitionId, stage), Document.class, COLLECTION))
                .map(MongoResultsStore::toDomain);
    }

    @Override
    public boolean republish(String competitionId, String stage, int currentVersion, StageResults.Version next,
                             Object publishedEvent) {
        Document current = mongo.findById(id(competitionId, stage), Document.class, COLLECTION);
        Update update = new Update().set("version", next.version()).push("versions", version(next))
                .push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.RESULTS_PUBLISHED,
                        competitionId, current == null ? null : current.getString("orgPath"), publishedEvent)));
        return mongo.updateFirst(Query.query(where("_id").is(id(competitionId, stage)).and("version")
                        .is(currentVersion).and("status").is(StageResults.Status.PROVISIONAL.name())), update,
                COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public boolean finalise(String competitionId, String stage, int currentVersion, Instant finalisedAt,
                            Object finalisedEvent) {
        Document current = mongo.findById(id(competitionId, stage), Document.class, COLLECTION);
        Update update = new Update().set("status", StageResults.Status.FINAL.name())
                .set("finalisedAt", Date.from(finalisedAt))
                .push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.RESULTS_FINALISED,
                        competitionId, current == null ? null : current.getString("orgPath"), finalisedEvent)));
        return mongo.updateFirst(Query.query(where("_id").is(id(competitionId, stage)).and("version")
                        .is(currentVersion).and("status").is(StageResults.Status.PROVISIONAL.name())), update,
                COLLECTION).getModifiedCount() == 1;
    }

    private static Document version(StageResults.Version v) {
        return new Document("version", v.version()).append("publishedAt", Date.from(v.publishedAt()))
                .append("appealDeadline", Date.from(v.appealDeadline())).append("appealId", v.appealId())
                .append("ranking", v.ranking().stream().map(r -> new Document("entryId", r.entryId())
                        .append("rank", r.rank()).append("totalMarks", r.totalMarks().toPlainString())
                        .append("prizeClass", r.prizeClass() == null ? null : r.prizeClass().name())).toList());
    }

    private static StageResults toDomain(Document d) {
        List<StageResults.Version> versions = d.getList("versions", Document.class).stream()
                .map(v -> new StageResults.Version(v.get("version", Number.class).intValue(),
                        v.getDate("publishedAt").toInstant(), v.getDate("appealDeadline").toInstant(),
                        v.getString("appealId"), v.getList("ranking", Document.class).stream()
                        .map(r -> new RankedEntry(r.getString("entryId"), r.get("rank", Number.class).intValue(),
                                new BigDecimal(r.getString("totalMarks")), r.getString("prizeClass") == null ? null
                                : PrizeClass.valueOf(r.getString("prizeClass")))).toList())).toList();
        Date finalisedAt = d.getDate("finalisedAt");
        return new StageResults(d.getString("competitionId"), d.getString("stage"), d.getString("orgId"),
                d.getString("orgPath"), StageResults.Status.valueOf(d.getString("status")),
                d.get("version", Number.class).intValue(), versions,
                finalisedAt == null ? null : finalisedAt.toInstant());
    }
}
