package cn.smartunion.aid.mutualaid.adapter.out.mongo;

import cn.smartunion.aid.mutualaid.domain.MutualAidPlan;
import cn.smartunion.aid.mutualaid.domain.PlanVersion;
import cn.smartunion.aid.mutualaid.domain.Plans;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
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

/**
 * {@code mutual_aid_plans}: a plan with its versions embedded. Publishing appends a version with one conditional
 * update on {@code latestVersion}, so two concurrent publications cannot both become version n + 1, and a published
 * version is never rewritten.
 */
@Repository
class MongoPlans implements Plans {

    static final String COLLECTION = "mutual_aid_plans";

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoPlans(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(MutualAidPlan plan) {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
        Document d = new Document("_id", plan.id())
                .append("programmeCode", plan.programmeCode())
                .append("orgId", plan.orgId())
                .append("orgPath", plan.orgPath())
                .append("planYear", plan.planYear())
                .append("budgetLineId", plan.budgetLineId())
                .append("versions", plan.versions().stream().map(MongoPlans::toDocument).toList())
                .append("latestVersion", plan.latest().version())
                .append("createdBy", plan.createdBy())
                .append("createdAt", Date.from(plan.createdAt()))
                .append("version", 0L);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public boolean publish(String planId, PlanVersion version) {
        Query query = Query.query(where("_id").is(planId).and("latestVersion").is(version.version() - 1));
        Update update = new Update().push("versions", toDocument(version)).set("latestVersion", version.version())
                .inc("version", 1);
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public Optional<MutualAidPlan> find(String planId) {
        return Optional.ofNullable(mongo.findById(planId, Document.class, COLLECTION)).map(MongoPlans::toPlan);
    }

    @Override
    public Optional<MutualAidPlan> findVisibleTo(String planId, String orgPath) {
        Query query = Query.query(where("_id").is(planId)).addCriteria(visibleTo(orgPath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoPlans::toPlan);
    }

    @Override
    public List<MutualAidPlan> listVisibleTo(String orgPath, Integer planYear, String programmeCode, int page,
                                             int size) {
        Query query = filter(orgPath, planYear, programmeCode)
                .with(Sort.by(Sort.Direction.DESC, "planYear").and(Sort.by("orgPath", "_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoPlans::toPlan).toList();
    }

    @Override
    public long countVisibleTo(String orgPath, Integer planYear, String programmeCode) {
        return mongo.count(filter(orgPath, planYear, programmeCode), COLLECTION);
    }

    private static Query filter(String orgPath, Integer planYear, String programmeCode) {
        Query query = new Query(visibleTo(orgPath));
        if (planYear != null) {
            query.addCriteria(where("planYear").is(planYear));
        }
        if (programmeCode != null) {
            query.addCriteria(where("programmeCode").is(programmeCode));
        }
        return query;
    }

    private static Criteria visibleTo(String orgPath) {
        return new Criteria().orOperator(OrgScope.selfAndAncestors("orgPath", orgPath),
                OrgScope.descendants("orgPath", orgPath));
    }

    private static Document toDocument(PlanVersion v) {
        return new Document("version", v.version())
                .append("effectiveFrom", v.effectiveFrom().toString())
                .append("coveredDiseases", v.coveredDiseases())
                .append("contributionFen", v.contributionFen())
                .append("maxPayoutFen", v.maxPayoutFen())
                .append("annualLimitFen", v.annualLimitFen())
                .append("publishedBy", v.publishedBy())
                .append("publishedAt", Date.from(v.publishedAt()));
    }

    private static MutualAidPlan toPlan(Document d) {
        List<PlanVersion> versions = d.getList("versions", Document.class).stream().map(v -> new PlanVersion(
                v.get("version", Number.class).intValue(), LocalDate.parse(v.getString("effectiveFrom")),
                v.getList("coveredDiseases", String.class), number(v, "contributionFen"), number(v, "maxPayoutFen"),
                number(v, "annualLimitFen"), v.getString("publishedBy"), v.getDate("publishedAt").toInstant()))
                .toList();
        return new MutualAidPlan(d.getString("_id"), d.getString("programmeCode"), d.getString("orgId"),
                d.getString("orgPath"), d.get("planYear", Number.class).intValue(), d.getString("budgetLineId"),
                versions, d.getString("createdBy"), d.getDate("createdAt").toInstant());
    }

    static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }
}
