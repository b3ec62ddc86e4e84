package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.Panel;
import cn.smartunion.competition.judging.domain.Panels;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code judging_panels}, {@code _id = competitionId:stage}; appointing again replaces the panel. */
@Repository
class MongoPanels implements Panels {

    static final String COLLECTION = "judging_panels";

    private final MongoTemplate mongo;

    MongoPanels(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void save(Panel panel, String orgPath) {
        mongo.upsert(Query.query(where("_id").is(panel.competitionId() + ":" + panel.stage())),
                new Update().set("competitionId", panel.competitionId()).set("stage", panel.stage())
                        .set("orgPath", orgPath).set("judges", panel.judges()).set("chiefJudge", panel.chiefJudge()),
                COLLECTION);
    }

    @Override
    public Optional<Panel> find(String competitionId, String stage) {
        return Optional.ofNullable(mongo.findById(competitionId + ":" + stage, Document.class, COLLECTION))
                .map(MongoPanels::toDomain);
    }

    @Override
    public List<Panel> chairedBy(String competitionId, String memberId) {
        return mongo.find(Query.query(where("competitionId").is(competitionId).and("chiefJudge").is(memberId)),
                Document.class, COLLECTION).stream().map(MongoPanels::toDomain).toList();
    }

    private static Panel toDomain(Document d) {
        return new Panel(d.getString("competitionId"), d.getString("stage"), d.getList("judges", String.class),
                d.getString("chiefJudge"));
    }
}
