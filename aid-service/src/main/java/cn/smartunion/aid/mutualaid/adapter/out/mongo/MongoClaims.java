package cn.smartunion.aid.mutualaid.adapter.out.mongo;

import cn.smartunion.aid.mutualaid.domain.Claim;
import cn.smartunion.aid.mutualaid.domain.ClaimStatus;
import cn.smartunion.aid.mutualaid.domain.Claims;
import cn.smartunion.aid.mutualaid.domain.HealthDetails;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.ClaimRejectionReason;
import cn.smartunion.contracts.aid.MutualAidClaimApproved;
import cn.smartunion.contracts.aid.MutualAidClaimPaid;
import cn.smartunion.contracts.aid.MutualAidClaimRejected;
import cn.smartunion.contracts.aid.MutualAidClaimSubmitted;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code mutual_aid_claims}. The health data (disease, hospital stay, medical cost) is one field encrypted with the
 * {@link PersonalDataProtector}; nothing else on the document names a disease. Every change is a single-document
 * update conditional on the {@code version} read, carrying the claim's events into its outbox. The document also
 * holds {@code unpaidFen} and {@code paidDisbursements}, which the disbursement ledger updates when it pays.
 */
@Repository
class MongoClaims implements Claims {

    static final String COLLECTION = "mutual_aid_claims";

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            MutualAidClaimSubmitted.class, EventTypes.MUTUAL_AID_CLAIM_SUBMITTED,
            MutualAidClaimApproved.class, EventTypes.MUTUAL_AID_CLAIM_APPROVED,
            MutualAidClaimRejected.class, EventTypes.MUTUAL_AID_CLAIM_REJECTED,
            MutualAidClaimPaid.class, EventTypes.MUTUAL_AID_CLAIM_PAID);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final PersonalDataProtector protector;
    private volatile boolean indexed;

    MongoClaims(MongoTemplate mongo, OutboxEvents outboxEvents, PersonalDataProtector protector) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.protector = protector;
    }

    @Override
    public void add(Claim.Submitted submitted) {
        ensureIndexes();
        Claim c = submitted.claim();
        Document d = new Document("_id", c.id())
                .append("enrolmentId", c.enrolmentId())
                .append("planId", c.planId())
                .append("programmeCode", c.programmeCode())
                .append("planYear", c.planYear())
                .append("planVersion", c.planVersion())
                .append("budgetLineId", c.budgetLineId())
                .append("memberId", c.memberId())
                .append("orgId", c.orgId())
                .append("orgPath", c.orgPath())
                .append("illnessOn", c.illnessOn().toString())
                .append("health", protector.encrypt(healthJson(c.health())))
                .append("claimedFen", c.claimedFen())
                .append("maxPayoutFen", c.maxPayoutFen())
                .append("annualLimitFen", c.annualLimitFen())
                .append("submittedBy", c.submittedBy())
                .append("submittedAt", Date.from(c.submittedAt()))
                .append("status", c.status().name())
                .append("unpaidFen", 0L)
                .append("paidFen", 0L)
                .append("paidDisbursements", List.of())
                .append(OutboxEvent.FIELD, List.of(outboxEvent(c, submitted.event())))
                .append("version", 0L);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public boolean update(Claim c, List<Object> events, boolean approvedUnpaid) {
        Update update = new Update().set("status", c.status().name()).inc("version", 1);
        setOrUnset(update, "approvedFen", c.approvedFen());
        setOrUnset(update, "approvalLevel", c.approvalLevel() == null ? null : c.approvalLevel().name());
        setOrUnset(update, "approvedBy", c.approvedBy());
        setOrUnset(update, "approvedAt", date(c.approvedAt()));
        setOrUnset(update, "rejectionReason", c.rejectionReason() == null ? null : c.rejectionReason().name());
        setOrUnset(update, "rejectedBy", c.rejectedBy());
        setOrUnset(update, "rejectedAt", date(c.rejectedAt()));
        setOrUnset(update, "disbursementId", c.disbursementId());
        setOrUnset(update, "paidAt", date(c.paidAt()));
        if (approvedUnpaid) {
            update.set("unpaidFen", c.approvedFen());
        }
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(events.stream().map(e -> outboxEvent(c, e)).toArray());
        }
        Query current = Query.query(where("_id").is(c.id()).and("version").is(c.version()));
        return mongo.updateFirst(current, update, COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public Optional<Claim> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(this::toClaim);
    }

    @Override
    public List<String> paidDisbursements(String id) {
        Document d = mongo.findById(id, Document.class, COLLECTION);
        return d == null ? List.of() : d.getList("paidDisbursements", String.class, List.of());
    }

    @Override
    public List<Claim> listWithin(ClaimFilter filter, int page, int size) {
        Query query = query(filter).with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(this::toClaim).toList();
    }

    @Override
    public long countWithin(ClaimFilter filter) {
        return mongo.count(query(filter), COLLECTION);
    }

    private static Query query(ClaimFilter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", filter.scopePath()));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.planId() != null) {
            query.addCriteria(where("planId").is(filter.planId()));
        }
        if (filter.memberId() != null) {
            query.addCriteria(where("memberId").is(filter.memberId()));
        }
        return query;
    }

    private Document outboxEvent(Claim c, Object payload) {
        EventType type = EVENT_TYPES.get(payload.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a claim event: " + payload.getClass().getSimpleName());
        }
        return OutboxEvents.document(outboxEvents.create(type, c.id(), c.orgPath(), payload));
    }

    private static String healthJson(HealthDetails h) {
        return new Document("diseaseCode", h.diseaseCode())
                .append("hospitalisedFrom", h.hospitalisedFrom() == null ? null : h.hospitalisedFrom().toString())
                .append("hospitalisedTo", h.hospitalisedTo() == null ? null : h.hospitalisedTo().toString())
                .append("medicalCostFen", h.medicalCostFen()).toJson();
    }

    private HealthDetails health(String ciphertext) {
        Document h = Document.parse(protector.decrypt(ciphertext));
        return new HealthDetails(h.getString("diseaseCode"), localDate(h.getString("hospitalisedFrom")),
                localDate(h.getString("hospitalisedTo")), h.get("medicalCostFen", Number.class).longValue());
    }

    private Claim toClaim(Document d) {
        Number approved = d.get("approvedFen", Number.class);
        return new Claim(d.getString("_id"), d.getString("enrolmentId"), d.getString("planId"),
                d.getString("programmeCode"), d.get("planYear", Number.class).intValue(),
                d.get("planVersion", Number.class).intValue(), d.getString("budgetLineId"), d.getString("memberId"),
                d.getString("orgId"), d.getString("orgPath"), LocalDate.parse(d.getString("illnessOn")),
                health(d.getString("health")), MongoPlans.number(d, "claimedFen"),
                MongoPlans.number(d, "maxPayoutFen"), MongoPlans.number(d, "annualLimitFen"),
                d.getString("submittedBy"), instant(d, "submittedAt"), ClaimStatus.valueOf(d.getString("status")),
                approved == null ? null : approved.longValue(),
                d.getString("approvalLevel") == null ? null : ApprovalLevel.valueOf(d.getString("approvalLevel")),
                d.getString("approvedBy"), instant(d, "approvedAt"),
                d.getString("rejectionReason") == null ? null
                        : ClaimRejectionReason.valueOf(d.getString("rejectionReason")),
                d.getString("rejectedBy"), instant(d, "rejectedAt"), d.getString("disbursementId"),
                instant(d, "paidAt"), MongoPlans.number(d, "version"));
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static LocalDate localDate(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private void ensureIndexes() {
        if (!indexed) {
            var ops = mongo.indexOps(COLLECTION);
            ops.createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            ops.createIndex(new Index().on("enrolmentId", Sort.Direction.ASC));
            indexed = true;
        }
    }
}
