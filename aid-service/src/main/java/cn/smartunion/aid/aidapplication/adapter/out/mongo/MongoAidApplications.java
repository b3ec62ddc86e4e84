package cn.smartunion.aid.aidapplication.adapter.out.mongo;

import cn.smartunion.aid.aidapplication.domain.AidApplication;
import cn.smartunion.aid.aidapplication.domain.AidApplications;
import cn.smartunion.aid.aidapplication.domain.ApplicationStatus;
import cn.smartunion.aid.aidapplication.domain.Student;
import cn.smartunion.aid.aidapplication.domain.StudyLevel;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidApplicationApproved;
import cn.smartunion.contracts.aid.AidApplicationRejected;
import cn.smartunion.contracts.aid.AidApplicationSubmitted;
import cn.smartunion.contracts.aid.AidRejectionReason;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code aid_applications}. Money fields {@code unpaidFen}, {@code paidFen} and {@code paidDisbursements} belong to
 * the disbursement ledger, which updates them itself; this repository sets {@code unpaidFen} once, on approval.
 */
@Repository
class MongoAidApplications implements AidApplications {

    static final String COLLECTION = "aid_applications";

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            AidApplicationSubmitted.class, EventTypes.AID_APPLICATION_SUBMITTED,
            AidApplicationApproved.class, EventTypes.AID_APPLICATION_APPROVED,
            AidApplicationRejected.class, EventTypes.AID_APPLICATION_REJECTED);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoAidApplications(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(AidApplication application, Object submittedEvent) {
        ensureIndexes();
        Document d = new Document("_id", application.id())
                .append("programmeCode", application.programmeCode())
                .append("campaignId", application.campaignId())
                .append("orgId", application.orgId())
                .append("orgPath", application.orgPath())
                .append("cycle", application.cycle())
                .append("applicantType", application.applicantType().name())
                .append("memberId", application.memberId())
                .append("applicantPersonId", application.applicantPersonId())
                .append("applicantMaskedName", application.applicantMaskedName())
                .append("applicantMaskedIdNumber", application.applicantMaskedIdNumber())
                .append("requestedFen", application.requestedFen())
                .append("submittedBy", application.submittedBy())
                .append("submittedAt", Date.from(application.submittedAt()))
                .append("status", application.status().name())
                .append("unpaidFen", 0L)
                .append("paidFen", 0L)
                .append("paidDisbursements", List.of())
                .append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(outboxDocument(application, submittedEvent)));
        Student student = application.student();
        if (student != null) {
            d.append("student", new Document("personId", student.personId())
                    .append("maskedName", student.maskedName())
                    .append("maskedIdNumber", student.maskedIdNumber())
                    .append("minor", student.minor())
                    .append("studyLevel", student.studyLevel().name())
                    .append("school", student.schoolCiphertext()));
        }
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(AidApplication application, Object event) {
        Update update = new Update().set("status", application.status().name()).set("updatedAt",
                Date.from(clock.instant())).inc("version", 1);
        AidApplication.Decision decision = application.decision();
        if (decision == null) {
            update.unset("decision");
        } else {
            update.set("decision", new Document("approvedBy", decision.approvedBy())
                    .append("level", decision.level() == null ? null : decision.level().name())
                    .append("budgetLineId", decision.budgetLineId())
                    .append("fundingSource", decision.fundingSource() == null ? null : decision.fundingSource().name())
                    .append("approvedFen", decision.approvedFen())
                    .append("rejectionReason", decision.rejectionReason() == null ? null
                            : decision.rejectionReason().name())
                    .append("decidedAt", Date.from(decision.decidedAt())));
        }
        if (application.status() == ApplicationStatus.APPROVED) {
            update.set("unpaidFen", decision.approvedFen());
        }
        if (event != null) {
            update.push(OutboxEvent.FIELD, outboxDocument(application, event));
        }
        Query current = Query.query(where("_id").is(application.id()).and("version").is(application.version()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(application.id());
        }
    }

    @Override
    public Optional<AidApplication> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoAidApplications::toDomain);
    }

    @Override
    public Optional<AidApplication> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoAidApplications::toDomain);
    }

    @Override
    public List<AidApplication> listWithin(String scopePath, Filter filter, int page, int size) {
        Query query = filtered(scopePath, filter).with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAidApplications::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(scopePath, filter), COLLECTION);
    }

    @Override
    public List<AidApplication> approvalsStartedBefore(Instant before, int limit) {
        Query query = Query.query(where("status").is(ApplicationStatus.APPROVING.name())
                .and("decision.decidedAt").lt(Date.from(before))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAidApplications::toDomain).toList();
    }

    @Override
    public Paid paid(String id) {
        Query query = Query.query(where("_id").is(id));
        query.fields().include("paidFen", "unpaidFen");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        return new Paid(number(d, "paidFen"), number(d, "unpaidFen"));
    }

    private static Query filtered(String scopePath, Filter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (filter.programmeCode() != null) {
            query.addCriteria(where("programmeCode").is(filter.programmeCode()));
        }
        if (filter.cycle() != null) {
            query.addCriteria(where("cycle").is(filter.cycle()));
        }
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.orgId() != null) {
            query.addCriteria(where("orgId").is(filter.orgId()));
        }
        if (filter.campaignId() != null) {
            query.addCriteria(where("campaignId").is(filter.campaignId()));
        }
        return query;
    }

    private Document outboxDocument(AidApplication application, Object event) {
        EventType type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not an aid application event: " + event.getClass().getSimpleName());
        }
        return OutboxEvents.document(outboxEvents.create(type, application.id(), application.orgPath(), event));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("submittedAt", Sort.Direction.DESC));
            indexed = true;
        }
    }

    private static AidApplication toDomain(Document d) {
        Document s = d.get("student", Document.class);
        Student student = s == null ? null : new Student(s.getString("personId"), s.getString("maskedName"),
                s.getString("maskedIdNumber"), Boolean.TRUE.equals(s.getBoolean("minor")),
                StudyLevel.valueOf(s.getString("studyLevel")), s.getString("school"));
        Document dd = d.get("decision", Document.class);
        AidApplication.Decision decision = dd == null ? null : new AidApplication.Decision(dd.getString("approvedBy"),
                dd.getString("level") == null ? null : ApprovalLevel.valueOf(dd.getString("level")),
                dd.getString("budgetLineId"),
                dd.getString("fundingSource") == null ? null : FundingSource.valueOf(dd.getString("fundingSource")),
                number(dd, "approvedFen"),
                dd.getString("rejectionReason") == null ? null
                        : AidRejectionReason.valueOf(dd.getString("rejectionReason")),
                dd.getDate("decidedAt").toInstant());
        return new AidApplication(d.getString("_id"), d.getString("programmeCode"), d.getString("campaignId"),
                d.getString("orgId"), d.getString("orgPath"), d.getString("cycle"),
                BeneficiaryType.valueOf(d.getString("applicantType")), d.getString("memberId"),
                d.getString("applicantPersonId"), d.getString("applicantMaskedName"),
                d.getString("applicantMaskedIdNumber"), student, number(d, "requestedFen"), d.getString("submittedBy"),
                d.getDate("submittedAt").toInstant(), ApplicationStatus.valueOf(d.getString("status")), decision,
                number(d, "version"));
    }

    private static long number(Document d, String field) {
        Number n = d == null ? null : d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget aidApplicationsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
