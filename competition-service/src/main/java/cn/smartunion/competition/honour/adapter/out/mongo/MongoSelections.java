package cn.smartunion.competition.honour.adapter.out.mongo;

import cn.smartunion.competition.honour.domain.Selection;
import cn.smartunion.competition.honour.domain.SelectionStatus;
import cn.smartunion.competition.honour.domain.Selections;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** {@code honour_selections}: unique (orgId, type, cycle). */
@Repository
class MongoSelections implements Selections {

    static final String COLLECTION = "honour_selections";

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoSelections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(Selection s) {
        ensureIndexes();
        Document d = new Document("_id", s.id()).append("orgId", s.orgId()).append("orgPath", s.orgPath())
                .append("type", s.type().name()).append("level", s.level().name()).append("cycle", s.cycle())
                .append("nominationOpens", s.nominationOpens().toString())
                .append("nominationCloses", s.nominationCloses().toString())
                .append("quotaPerUnion", s.quotaPerUnion()).append("minFrontlineShare", s.minFrontlineShare())
                .append("status", s.status().name()).append("conferredOn", null)
                .append("openedBy", s.openedBy()).append("openedAt", Date.from(s.openedAt()));
        try {
            mongo.insert(d, COLLECTION);
        }
        catch (DuplicateKeyException duplicate) {
            throw new Selections.Duplicate();
        }
    }

    @Override
    public Optional<Selection> findVisible(String id, String callerPath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(visible(callerPath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoSelections::toDomain);
    }

    @Override
    public List<Selection> listVisible(String callerPath, HonourType type, String cycle, int page, int size) {
        Query query = filtered(callerPath, type, cycle).with(Sort.by(Sort.Direction.DESC, "openedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoSelections::toDomain).toList();
    }

    @Override
    public long countVisible(String callerPath, HonourType type, String cycle) {
        return mongo.count(filtered(callerPath, type, cycle), COLLECTION);
    }

    @Override
    public boolean markConferred(String id, LocalDate conferredOn) {
        return mongo.updateFirst(Query.query(where("_id").is(id).and("status").is(SelectionStatus.OPEN.name())),
                new Update().set("status", SelectionStatus.CONFERRED.name()).set("conferredOn", conferredOn.toString()),
                COLLECTION).getModifiedCount() == 1;
    }

    private static Query filtered(String callerPath, HonourType type, String cycle) {
        Query query = new Query(visible(callerPath));
        if (type != null) {
            query.addCriteria(where("type").is(type.name()));
        }
        if (cycle != null) {
            query.addCriteria(where("cycle").is(cycle));
        }
        return query;
    }

    /** Selections of the caller's union and those above it (they nominate into them), and those below it. */
    private static Criteria visible(String callerPath) {
        return new Criteria().orOperator(OrgScope.selfAndAncestors("orgPath", callerPath),
                OrgScope.descendants("orgPath", callerPath));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgId", Sort.Direction.ASC)
                    .on("type", Sort.Direction.ASC).on("cycle", Sort.Direction.ASC).unique().named("selection_key"));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Selection toDomain(Document d) {
        Number quota = d.get("quotaPerUnion", Number.class);
        Number share = d.get("minFrontlineShare", Number.class);
        String conferredOn = d.getString("conferredOn");
        return new Selection(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                HonourType.valueOf(d.getString("type")), HonourLevel.valueOf(d.getString("level")),
                d.getString("cycle"), LocalDate.parse(d.getString("nominationOpens")),
                LocalDate.parse(d.getString("nominationCloses")), quota == null ? null : quota.intValue(),
                share == null ? null : share.doubleValue(), SelectionStatus.valueOf(d.getString("status")),
                conferredOn == null ? null : LocalDate.parse(conferredOn), d.getString("openedBy"),
                d.getDate("openedAt").toInstant());
    }
}
