package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.ExclusionReason;
import cn.smartunion.competition.judging.domain.Recusal;
import cn.smartunion.competition.judging.domain.Recusals;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code judge_recusals}, {@code _id = competitionId:stage:entryId:judgeMemberId}: recording is an upsert with
 * {@code $setOnInsert}, so the first record (automatic or voluntary) stays and repeats change nothing.
 */
@Repository
class MongoRecusals implements Recusals {

    static final String COLLECTION = "judge_recusals";

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoRecusals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static String id(String competitionId, String stage, String entryId, String judge) {
        return competitionId + ":" + stage + ":" + entryId + ":" + judge;
    }

    @Override
    public void record(Recusal r) {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new org.springframework.data.mongodb.core.index.Index()
                    .on("competitionId", Sort.Direction.ASC).on("stage", Sort.Direction.ASC)
                    .on("recordedAt", Sort.Direction.ASC));
            indexed = true;
        }
        mongo.upsert(Query.query(where("_id").is(id(r.competitionId(), r.stage(), r.entryId(), r.judgeMemberId()))),
                new Update().setOnInsert("competitionId", r.competitionId()).setOnInsert("stage", r.stage())
                        .setOnInsert("entryId", r.entryId()).setOnInsert("judgeMemberId", r.judgeMemberId())
                        .setOnInsert("reason", r.reason().name())
                        .setOnInsert("recusalCode", r.recusalCode() == null ? null : r.recusalCode().name())
                        .setOnInsert("recordedAt", Date.from(r.recordedAt())), COLLECTION);
    }

    @Override
    public Optional<Recusal> find(String competitionId, String stage, String entryId, String judgeMemberId) {
        return Optional.ofNullable(mongo.findById(id(competitionId, stage, entryId, judgeMemberId), Document.class,
                COLLECTION)).map(MongoRecusals::toDomain);
    }

    @Override
    public List<Recusal> list(String competitionId, String stage, int page, int size) {
        Query query = Query.query(where("competitionId").is(competitionId).and("stage").is(stage))
                .with(Sort.by("recordedAt", "_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoRecusals::toDomain).toList();
    }

    @Override
    public long count(String competitionId, String stage) {
        return mongo.count(Query.query(where("competitionId").is(competitionId).and("stage").is(stage)), COLLECTION);
    }

    private static Recusal toDomain(Document d) {
        String code = d.getString("recusalCode");
        return new Recusal(d.getString("competitionId"), d.getString("stage"), d.getString("entryId"),
                d.getString("judgeMemberId"), ExclusionReason.valueOf(d.getString("reason")),
                code == null ? null : Recusal.RecusalCode.valueOf(code), d.getDate("recordedAt").toInstant());
    }
}
