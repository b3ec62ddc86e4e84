package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.AwardBand;
import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.MarkingSchemes;
import cn.smartunion.competition.judging.domain.TieBreak;
import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.SkillLevel;
import cn.smartunion.contracts.competition.TitleType;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code marking_schemes}, {@code _id = competitionId:stage}. Edits are upserts conditional on {@code frozen != true}:
 * on a frozen scheme the filter misses and the upsert's insert hits the existing {@code _id}, so nothing changes.
 */
@Repository
class MongoMarkingSchemes implements MarkingSchemes {

    static final String COLLECTION = "marking_schemes";

    private final MongoTemplate mongo;

    MongoMarkingSchemes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String id(String competitionId, String stage) {
        return competitionId + ":" + stage;
    }

    @Override
    public Optional<MarkingScheme> find(String competitionId, String stage) {
        return Optional.ofNullable(mongo.findById(id(competitionId, stage), Document.class, COLLECTION))
                .map(MongoMarkingSchemes::toDomain);
    }

    @Override
    public boolean saveUnlessFrozen(MarkingScheme s, String orgPath) {
        Update update = new Update().set("competitionId", s.competitionId()).set("stage", s.stage())
                .set("orgPath", orgPath)
                .set("criteria", s.criteria().stream().map(c -> new Document("code", c.code()).append("name", c.name())
                        .append("kind", c.kind().name()).append("maxMarks", c.maxMarks())).toList())
                .set("minJudges", s.minJudges())
                .set("tieBreaks", s.tieBreaks().stream().map(TieBreak::toString).toList())
                .set("appealWindow", s.appealWindow().toString())
                .set("awardBands", s.awardBands().stream().map(b -> new Document("fromRank", b.fromRank())
                        .append("toRank", b.toRank()).append("prizeClass", b.prizeClass().name())
                        .append("title", b.title() == null ? null : b.title().name())
                        .append("skillLevel", b.skillLevel() == null ? null : b.skillLevel().name())).toList())
                .set("advancing", s.advancing())
                .setOnInsert("frozen", false);
        try {
            mongo.upsert(Query.query(where("_id").is(id(s.competitionId(), s.stage())).and("frozen").ne(true)),
                    update, COLLECTION);
            return true;
        }
        catch (DuplicateKeyException frozen) {
            return false;
        }
    }

    @Override
    public Optional<MarkingScheme> freeze(String competitionId, String stage) {
        return Optional.ofNullable(mongo.findAndModify(Query.query(where("_id").is(id(competitionId, stage))),
                new Update().set("frozen", true), FindAndModifyOptions.options().returnNew(true), Document.class,
                COLLECTION)).map(MongoMarkingSchemes::toDomain);
    }

    private static MarkingScheme toDomain(Document d) {
        List<Criterion> criteria = d.getList("criteria", Document.class).stream()
                .map(c -> new Criterion(c.getString("code"), c.getString("name"),
                        CriterionKind.valueOf(c.getString("kind")), c.get("maxMarks", Number.class).intValue()))
                .toList();
        List<AwardBand> bands = d.getList("awardBands", Document.class, List.of()).stream()
                .map(b -> new AwardBand(b.get("fromRank", Number.class).intValue(),
                        b.get("toRank", Number.class).intValue(), PrizeClass.valueOf(b.getString("prizeClass")),
                        b.getString("title") == null ? null : TitleType.valueOf(b.getString("title")),
                        b.getString("skillLevel") == null ? null : SkillLevel.valueOf(b.getString("skillLevel"))))
                .toList();
        Number advancing = d.get("advancing", Number.class);
        return new MarkingScheme(d.getString("competitionId"), d.getString("stage"), criteria,
                d.get("minJudges", Number.class).intValue(),
                d.getList("tieBreaks", String.class, List.of()).stream().map(t -> TieBreak.parse(t, "tieBreaks"))
                        .toList(),
                Duration.parse(d.getString("appealWindow")), bands, advancing == null ? null : advancing.intValue(),
                Boolean.TRUE.equals(d.getBoolean("frozen")));
    }
}
