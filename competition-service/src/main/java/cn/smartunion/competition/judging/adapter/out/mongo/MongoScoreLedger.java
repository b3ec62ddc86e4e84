package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.ScoreLedger;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code score_ledger}: one document per entry, {@code _id = competitionId:seq} (seq zero-padded to 10 digits). An
 * append inserts the entry built on the head it read; a duplicate {@code _id} means another judge appended that seq
 * first, so it re-reads the head and tries again. No transaction is needed and the chain has no gaps or forks.
 */
@Repository
class MongoScoreLedger implements ScoreLedger {

    static final String COLLECTION = "score_ledger";
    private static final String SCORE_KEY = "scoreKey";
    private static final int MAX_ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoScoreLedger(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String competitionId, long seq) {
        return competitionId + ":" + String.format("%010d", seq);
    }

    /**
     * A score (not a correction) also carries {@code scoreKey}, unique: the same judge's score for the same entry and
     * criterion is in the ledger once, even when two identical submissions race past the score claim. The loser of
     * that race gets the entry the winner appended.
     */
    @Override
    public LedgerEntry append(String competitionId, Function<LedgerEntry, LedgerEntry> next) {
        ensureIndexes();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            LedgerEntry head = head(competitionId).orElse(null);
            LedgerEntry entry = next.apply(head);
            try {
                mongo.insert(toDocument(entry), COLLECTION);
                return entry;
            }
            catch (DuplicateKeyException anotherAppendedFirst) {
                Optional<LedgerEntry> sameScore = scoreKey(entry).map(key -> mongo.findOne(
                        Query.query(where(SCORE_KEY).is(key)), Document.class, COLLECTION))
                        .map(MongoScoreLedger::toDomain);
                if (sameScore.isPresent()) {
                    return sameScore.get();
                }
                Thread.onSpinWait();
            }
        }
        throw new IllegalStateException("the score ledger is too busy to append; retry");
    }

    private static Optional<String> scoreKey(LedgerEntry e) {
        return e.kind() == LedgerEntry.Kind.SCORE
                ? Optional.of(String.join(":", e.competitionId(), e.stage(), e.entryId(), e.criterion(),
                        e.judgeMemberId()))
                : Optional.empty();
    }

    private Optional<LedgerEntry> head(String competitionId) {
        Query query = Query.query(where("competitionId").is(competitionId))
                .with(Sort.by(Sort.Direction.DESC, "seq")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoScoreLedger::toDomain);
    }

    @Override
    public Optional<LedgerEntry> find(String competitionId, long seq) {
        return Optional.ofNullable(mongo.findById(id(competitionId, seq), Document.class, COLLECTION))
                .map(MongoScoreLedger::toDomain);
    }

    @Override
    public List<LedgerEntry> ofStage(String competitionId, String stage) {
        Query query = Query.query(where("competitionId").is(competitionId).and("stage").is(stage))
                .with(Sort.by("seq"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoScoreLedger::toDomain).toList();
    }

    @Override
    public List<LedgerEntry> ofEntry(String competitionId, String stage, String entryId) {
        Query query = Query.query(where("competitionId").is(competitionId).and("stage").is(stage).and("entryId")
                .is(entryId)).with(Sort.by("seq"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoScoreLedger::toDomain).toList();
    }

    @Override
    public Optional<LedgerEntry> correction(String competitionId, String appealId, long correctsSeq) {
        Query query = Query.query(where("competitionId").is(competitionId).and("appealId").is(appealId)
                .and("correctsSeq").is(correctsSeq)).with(Sort.by("seq")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoScoreLedger::toDomain);
    }

    @Override
    public void walk(String competitionId, Consumer<LedgerEntry> visitor) {
        Query query = Query.query(where("competitionId").is(competitionId)).with(Sort.by("seq"));
        try (var documents = mongo.stream(query, Document.class, COLLECTION)) {
            documents.map(MongoScoreLedger::toDomain).forEach(visitor);
        }
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("competitionId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on(SCORE_KEY, Sort.Direction.ASC).unique().sparse());
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("competitionId", Sort.Direction.ASC).on("stage", Sort.Direction.ASC)
                    .on("entryId", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Document toDocument(LedgerEntry e) {
        Document document = new Document("_id", id(e.competitionId(), e.seq()));
        scoreKey(e).ifPresent(key -> document.append(SCORE_KEY, key));
        return document
                .append("competitionId", e.competitionId())
                .append("seq", e.seq())
                .append("kind", e.kind().name())
                .append("stage", e.stage())
                .append("entryId", e.entryId())
                .append("criterion", e.criterion())
                .append("judgeMemberId", e.judgeMemberId())
                .append("value", e.value().toPlainString())
                .append("correctsSeq", e.correctsSeq())
                .append("appealId", e.appealId())
                .append("reason", e.reason())
                .append("recordedBy", e.recordedBy())
                .append("recordedAt", Date.from(e.recordedAt()))
                .append("prevHash", e.prevHash())
                .append("hash", e.hash());
    }

    private static LedgerEntry toDomain(Document d) {
        Number correctsSeq = d.get("correctsSeq", Number.class);
        Object value = d.get("value");
        Date recordedAt = d.getDate("recordedAt");
        String kind = d.getString("kind");
        return new LedgerEntry(d.getString("competitionId"), d.get("seq", Number.class).longValue(),
                kind == null ? null : LedgerEntry.Kind.valueOf(kind), d.getString("stage"), d.getString("entryId"),
                d.getString("criterion"), d.getString("judgeMemberId"),
                value == null ? null : new BigDecimal(value.toString()),
                correctsSeq == null ? null : correctsSeq.longValue(), d.getString("appealId"), d.getString("reason"),
                d.getString("recordedBy"), recordedAt == null ? null : recordedAt.toInstant(), d.getString("prevHash"),
                d.getString("hash"));
    }
}
