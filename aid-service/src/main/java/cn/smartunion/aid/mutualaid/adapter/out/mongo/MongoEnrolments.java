package cn.smartunion.aid.mutualaid.adapter.out.mongo;

import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.aid.mutualaid.domain.Enrolment;
import cn.smartunion.aid.mutualaid.domain.Enrolments;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.ContributionPayer;
import cn.smartunion.contracts.aid.EnrolmentChannel;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code mutual_aid_enrolments}: one document per enrolment, inserted with its {@code MutualAidEnrolled} in the outbox.
 * A unique index on (programme, plan year, member) keeps one enrolment per member and plan year, even for concurrent
 * or repeated requests. The payouts approved under the enrolment are reserved on it ({@code reservedFen}, with the
 * claim ids in {@code reservations}) by conditional {@code $inc}, so two approvals racing cannot take a member past the
 * plan's annual limit.
 */
@Repository
class MongoEnrolments implements Enrolments {

    static final String COLLECTION = "mutual_aid_enrolments";
    private static final String ONE_PER_YEAR = "one_enrolment_per_member_and_plan_year";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoEnrolments(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public Optional<Enrolment> add(Enrolment.Enrolled enrolled) {
        ensureIndexes();
        Enrolment e = enrolled.enrolment();
        Optional<Enrolment> existing = held(e);
        if (existing.isPresent()) {
            return existing;
        }
        OutboxEvent event = outboxEvents.create(EventTypes.MUTUAL_AID_ENROLLED, e.id(), e.orgPath(), enrolled.event());
        Document d = new Document("_id", e.id())
                .append("planId", e.planId())
                .append("programmeCode", e.programmeCode())
                .append("planVersion", e.planVersion())
                .append("planYear", e.planYear())
                .append("memberId", e.memberId())
                .append("orgId", e.orgId())
                .append("orgPath", e.orgPath())
                .append("paidBy", e.paidBy().name())
                .append("channel", e.channel().name())
                .append("socialInsurance", e.socialInsurance().name())
                .append("contributionFen", e.contributionFen())
                .append("enrolledOn", e.enrolledOn().toString())
                .append("coverageStartsOn", e.coverageStartsOn().toString())
                .append("coverageEndsOn", e.coverageEndsOn().toString())
                .append("enrolledBy", e.enrolledBy())
                .append("enrolledAt", Date.from(e.enrolledAt()))
                .append("reservedFen", 0L)
                .append("reservations", List.of())
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(event)))
                .append("version", 0L);
        try {
            mongo.insert(d, COLLECTION);
            return Optional.empty();
        } catch (DuplicateKeyException concurrent) {
            return Optional.of(held(e).orElseThrow(() -> concurrent));
        }
    }

    private Optional<Enrolment> held(Enrolment e) {
        Query query = Query.query(where("programmeCode").is(e.programmeCode()).and("planYear").is(e.planYear())
                .and("memberId").is(e.memberId()));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoEnrolments::toEnrolment);
    }

    @Override
    public Optional<Enrolment> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoEnrolments::toEnrolment);
    }

    @Override
    public Optional<Enrolment> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoEnrolments::toEnrolment);
    }

    @Override
    public List<Enrolment> listWithin(String scopePath, String planId, String memberId, int page, int size) {
        Query query = filter(scopePath, planId, memberId).with(Sort.by(Sort.Direction.DESC, "enrolledAt")
                .and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoEnrolments::toEnrolment).toList();
    }

    @Override
    public long countWithin(String scopePath, String planId, String memberId) {
        return mongo.count(filter(scopePath, planId, memberId), COLLECTION);
    }

    @Override
    public boolean reservePayout(String enrolmentId, String claimId, long amountFen, long annualLimitFen) {
        Query query = Query.query(where("_id").is(enrolmentId).and("reservations").ne(claimId)
                .and("reservedFen").lte(annualLimitFen - amountFen));
        Update update = new Update().inc("reservedFen", amountFen).push("reservations", claimId).inc("version", 1);
        if (mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0) {
            return true;
        }
        return mongo.exists(Query.query(where("_id").is(enrolmentId).and("reservations").is(claimId)), COLLECTION);
    }

    @Override
    public void releasePayout(String enrolmentId, String claimId, long amountFen) {
        Query query = Query.query(where("_id").is(enrolmentId).and("reservations").is(claimId));
        Update update = new Update().inc("reservedFen", -amountFen).pull("reservations", claimId).inc("version", 1);
        mongo.updateFirst(query, update, COLLECTION);
    }

    @Override
    public long reservedFen(String enrolmentId) {
        Document d = mongo.findById(enrolmentId, Document.class, COLLECTION);
        return d == null ? 0 : MongoPlans.number(d, "reservedFen");
    }

    private static Query filter(String scopePath, String planId, String memberId) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (planId != null) {
            query.addCriteria(where("planId").is(planId));
        }
        if (memberId != null) {
            query.addCriteria(where("memberId").is(memberId));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            var ops = mongo.indexOps(COLLECTION);
            ops.createIndex(new Index().on("programmeCode", Sort.Direction.ASC).on("planYear", Sort.Direction.ASC)
                    .on("memberId", Sort.Direction.ASC).unique().named(ONE_PER_YEAR));
            ops.createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            ops.createIndex(new Index().on("planId", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Enrolment toEnrolment(Document d) {
        return new Enrolment(d.getString("_id"), d.getString("planId"), d.getString("programmeCode"),
                d.get("planVersion", Number.class).intValue(), d.get("planYear", Number.class).intValue(),
                d.getString("memberId"), d.getString("orgId"), d.getString("orgPath"),
                ContributionPayer.valueOf(d.getString("paidBy")), EnrolmentChannel.valueOf(d.getString("channel")),
                SocialInsurance.valueOf(d.getString("socialInsurance")), MongoPlans.number(d, "contributionFen"),
                LocalDate.parse(d.getString("enrolledOn")), LocalDate.parse(d.getString("coverageStartsOn")),
                LocalDate.parse(d.getString("coverageEndsOn")), d.getString("enrolledBy"),
                d.getDate("enrolledAt").toInstant());
    }
}
