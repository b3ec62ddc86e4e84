package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.ScoreClaims;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code score_claims}: the natural key (competition, stage, entry, criterion, judge) is the {@code _id}, so the
 * primary key's uniqueness makes a score final. Values are stored as plain decimal strings.
 */
@Repository
class MongoScoreClaims implements ScoreClaims {

    static final String COLLECTION = "score_claims";

    private final MongoTemplate mongo;

    MongoScoreClaims(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    private static String id(String competitionId, String stage, String entryId, String criterion, String judge) {
        return String.join(":", competitionId, stage, entryId, criterion, judge);
    }

    @Override
    public Optional<Claim> claim(String competitionId, String stage, String entryId, String criterion,
                                 String judgeMemberId, BigDecimal value) {
        String id = id(competitionId, stage, entryId, criterion, judgeMemberId);
        try {
            mongo.insert(new Document("_id", id).append("competitionId", competitionId).append("stage", stage)
                    .append("entryId", entryId).append("criterion", criterion).append("judgeMemberId", judgeMemberId)
                    .append("value", value.toPlainString()).append("ledgerSeq", null), COLLECTION);
            return Optional.empty();
        }
        catch (DuplicateKeyException claimedBefore) {
            Document d = mongo.findById(id, Document.class, COLLECTION);
            Number seq = d.get("ledgerSeq", Number.class);
            return Optional.of(new Claim(new BigDecimal(d.getString("value")), seq == null ? null : seq.longValue()));
        }
    }

    @Override
    public void recorded(String competitionId, String stage, String entryId, String criterion, String judgeMemberId,
                         long seq) {
        mongo.updateFirst(Query.query(where("_id").is(id(competitionId, stage, entryId, criterion, judgeMemberId))
                .and("ledgerSeq").is(null)), new Update().set("ledgerSeq", seq), COLLECTION);
    }

    @Override
    public boolean anyFor(String competitionId, String stage) {
        return mongo.exists(Query.query(where("competitionId").is(competitionId).and("stage").is(stage)), COLLECTION);
    }
}
