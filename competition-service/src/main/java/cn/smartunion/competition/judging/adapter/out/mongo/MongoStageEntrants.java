package cn.smartunion.competition.judging.adapter.out.mongo;

import cn.smartunion.competition.judging.domain.CompetitionView;
import cn.smartunion.competition.judging.domain.StageEntrants;
import cn.smartunion.competition.judging.domain.StageEntry;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Reads {@code competitions} and {@code entries}, which the registration feature owns, in their shared shapes. The only
 * write is adding a stage to entries that advance ({@code $addToSet entries.stages}).
 */
@Repository
class MongoStageEntrants implements StageEntrants {

    private static final String COMPETITIONS = "competitions";
    private static final String ENTRIES = "entries";

    private final MongoTemplate mongo;

    MongoStageEntrants(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<CompetitionView> competition(String competitionId) {
        Document d = mongo.findById(competitionId, Document.class, COMPETITIONS);
        if (d == null) {
            return Optional.empty();
        }
        List<Document> stages = d.getList("stages", Document.class, List.of());
        List<String> codes = stages.stream()
                .sorted(Comparator.comparingInt(s -> s.get("order", Number.class) == null ? 0
                        : s.get("order", Number.class).intValue()))
                .map(s -> s.getString("code")).toList();
        return Optional.of(new CompetitionView(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                d.getString("status"), d.getString("level"), codes));
    }

    @Override
    public Optional<StageEntry> entry(String competitionId, String entryId) {
        Query query = Query.query(where("_id").is(entryId).and("competitionId").is(competitionId));
        return Optional.ofNullable(mongo.findOne(query, Document.class, ENTRIES)).map(MongoStageEntrants::toEntry);
    }

    @Override
    public List<StageEntry> registeredIn(String competitionId, String stage) {
        Query query = Query.query(where("competitionId").is(competitionId).and("stages").is(stage)
                .and("status").is(StageEntry.REGISTERED)).with(Sort.by("_id"));
        return mongo.find(query, Document.class, ENTRIES).stream().map(MongoStageEntrants::toEntry).toList();
    }

    @Override
    public List<StageEntry> withParticipant(String competitionId, String memberId) {
        Query query = Query.query(where("competitionId").is(competitionId).and("participants.memberId").is(memberId));
        return mongo.find(query, Document.class, ENTRIES).stream().map(MongoStageEntrants::toEntry).toList();
    }

    @Override
    public void advance(String competitionId, List<String> entryIds, String stage) {
        if (entryIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(where("_id").in(entryIds).and("competitionId").is(competitionId)),
                new Update().addToSet("stages", stage), ENTRIES);
    }

    private static StageEntry toEntry(Document d) {
        List<StageEntry.Participant> participants = d.getList("participants", Document.class, List.of()).stream()
                .map(p -> new StageEntry.Participant(p.getString("personId"), p.getString("memberId"),
                        p.getString("orgId"), p.getString("employerCreditCode"),
                        Boolean.TRUE.equals(p.getBoolean("captain")))).toList();
        return new StageEntry(d.getString("_id"), d.getString("competitionId"), d.getString("orgId"),
                d.getString("orgPath"), d.getString("entrantType"), d.getString("trade"), d.getString("status"),
                d.getList("stages", String.class, List.of()), participants, d.getString("unitCreditCode"));
    }
}
