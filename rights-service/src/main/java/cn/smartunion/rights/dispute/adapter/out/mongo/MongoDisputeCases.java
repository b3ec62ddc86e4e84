package cn.smartunion.rights.dispute.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.CaseFollowUpCompleted;
import cn.smartunion.contracts.rights.CaseIntake;
import cn.smartunion.contracts.rights.CaseReferred;
import cn.smartunion.contracts.rights.ClaimType;
import cn.smartunion.contracts.rights.ClosureType;
import cn.smartunion.contracts.rights.DisputeCaseClosed;
import cn.smartunion.contracts.rights.DisputeCaseOpened;
import cn.smartunion.contracts.rights.DisputeCaseReopened;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.LegalAidGranted;
import cn.smartunion.contracts.rights.MediationAgreementReached;
import cn.smartunion.contracts.rights.MediationBody;
import cn.smartunion.contracts.rights.MediationFailed;
import cn.smartunion.contracts.rights.MediationSessionHeld;
import cn.smartunion.contracts.rights.ReferralBody;
import cn.smartunion.contracts.rights.ReopeningCause;
import cn.smartunion.rights.dispute.domain.Closure;
import cn.smartunion.rights.dispute.domain.DisputeCase;
import cn.smartunion.rights.dispute.domain.DisputeCases;
import cn.smartunion.rights.dispute.domain.DisputeStatus;
import cn.smartunion.rights.dispute.domain.MediationSession;
import cn.smartunion.rights.dispute.domain.Party;
import cn.smartunion.rights.dispute.domain.Referral;
import cn.smartunion.rights.dispute.domain.WorkerParty;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code dispute_cases}. Every change is one conditional {@code updateFirst} on the case's {@code version}, setting
 * the fields the case owns and pushing its events to the {@code outbox} in the same write. Workers are kept as
 * {@code personId} with masked forms only; the employer's and platform's names are encrypted.
 */
@Repository
class MongoDisputeCases implements DisputeCases {

    static final String COLLECTION = "dispute_cases";

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            DisputeCaseOpened.class, EventTypes.DISPUTE_CASE_OPENED,
            LegalAidGranted.class, EventTypes.LEGAL_AID_GRANTED,
            MediationSessionHeld.class, EventTypes.MEDIATION_SESSION_HELD,
            MediationAgreementReached.class, EventTypes.MEDIATION_AGREEMENT_REACHED,
            MediationFailed.class, EventTypes.MEDIATION_FAILED,
            CaseReferred.class, EventTypes.CASE_REFERRED,
            DisputeCaseClosed.class, EventTypes.DISPUTE_CASE_CLOSED,
            CaseFollowUpCompleted.class, EventTypes.CASE_FOLLOW_UP_COMPLETED,
            DisputeCaseReopened.class, EventTypes.DISPUTE_CASE_REOPENED,
            HardshipReferred.class, EventTypes.HARDSHIP_REFERRED);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoDisputeCases(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(DisputeCase c, List<Object> events) {
        ensureIndexes();
        Document d = new Document("_id", c.id())
                .append("orgId", c.orgId())
                .append("orgPath", c.orgPath())
                .append("intake", c.intake().name())
                .append("workOrderId", c.workOrderId())
                .append("claimTypes", c.claimTypes().stream().map(Enum::name).toList())
                .append("workers", c.workers().stream().map(MongoDisputeCases::worker).toList())
                .append("employer", party(c.employer()))
                .append("platform", party(c.platform()))
                .append("amountClaimedFen", c.amountClaimedFen())
                .append("collective", c.collective())
                .append("crossProvince", c.crossProvince())
                .append("openedAt", Date.from(c.openedAt()))
                .append("openedOn", c.openedOn().toString())
                .append("openedBy", c.openedBy())
                .append("version", 0L);
        owned(c).forEach(d::append);
        d.append(OutboxEvent.FIELD, outbox(c, events));
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(DisputeCase c, List<Object> events) {
        if (c.version() == null) {
            throw new IllegalArgumentException("case " + c.id() + " was never stored");
        }
        Update update = new Update();
        owned(c).forEach((field, value) -> {
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        });
        update.set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(outbox(c, events).toArray());
        }
        Query query = Query.query(where("_id").is(c.id()).and("version").is(c.version()));
        if (mongo.updateFirst(query, update, COLLECTION).getMatchedCount() == 0) {
            throw new ConcurrentUpdate(c.id());
        }
    }

    @Override
    public Optional<DisputeCase> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        query.fields().exclude(OutboxEvent.FIELD);
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoDisputeCases::toCase);
    }

    @Override
    public List<DisputeCase> list(CaseFilter filter, int page, int size) {
        Query query = filter(filter).with(Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude(OutboxEvent.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoDisputeCases::toCase).toList();
    }

    @Override
    public long count(CaseFilter filter) {
        return mongo.count(filter(filter), COLLECTION);
    }

    private static Query filter(CaseFilter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", filter.scopePath()));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.claimType() != null) {
            query.addCriteria(where("claimTypes").is(filter.claimType().name()));
        }
        if (filter.orgId() != null) {
            query.addCriteria(where("orgId").is(filter.orgId()));
        }
        return query;
    }

    private List<Document> outbox(DisputeCase c, List<Object> events) {
        List<Document> documents = new ArrayList<>();
        for (Object event : events) {
            EventType type = EVENT_TYPES.get(event.getClass());
            if (type == null) {
                throw new IllegalArgumentException("not a dispute case event: " + event.getClass().getSimpleName());
            }
            // a hardship referral is keyed by its own id on rights.referral.v1; the case's events by the case id
            String subject = event instanceof HardshipReferred referred ? referred.referralId() : c.id();
            documents.add(OutboxEvents.document(outboxEvents.create(type, subject, c.orgPath(), event)));
        }
        return documents;
    }

    /** The fields that change after opening (null values are unset). */
    private static Map<String, Object> owned(DisputeCase c) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status", c.status().name());
        fields.put("lawyerId", c.lawyerId());
        fields.put("legalAidGrantedOn", text(c.legalAidGrantedOn()));
        fields.put("mediationSessions", c.sessions().stream().map(s -> new Document("sessionId", s.sessionId())
                .append("mechanism", s.mechanism().name())
                .append("partiesPresent", s.partiesPresent().stream().map(Enum::name).toList())
                .append("heldOn", s.heldOn().toString()).append("actor", s.actorSubject())).toList());
        fields.put("mediated", c.mediated());
        fields.put("mediationSucceeded", c.mediationSucceeded());
        fields.put("agreedFen", c.agreedFen());
        fields.put("agreementReachedOn", text(c.agreementReachedOn()));
        fields.put("mediationFailedOn", text(c.mediationFailedOn()));
        Referral r = c.referral();
        fields.put("referral", r == null ? null : new Document("toBody", r.toBody().name())
                .append("referredOn", r.referredOn().toString()).append("reference", r.reference())
                .append("outcome", r.encryptedOutcome()).append("awardedFen", r.awardedFen())
                .append("outcomeRecordedOn", text(r.outcomeRecordedOn())));
        Closure cl = c.closure();
        fields.put("closure", cl == null ? null : new Document("closureType", cl.closureType().name())
                .append("amountRecoveredFen", cl.amountRecoveredFen()).append("workersBenefited", cl.workersBenefited())
                .append("closedOn", cl.closedOn().toString()).append("followUpDueOn", cl.followUpDueOn().toString())
                .append("reComplained", cl.reComplained()).append("followedUpOn", text(cl.followedUpOn())));
        fields.put("reopenCount", c.reopenCount());
        fields.put("lastReopeningCause", c.lastReopeningCause() == null ? null : c.lastReopeningCause().name());
        fields.put("hardshipReferred", new ArrayList<>(c.hardshipReferred()));
        return fields;
    }

    private static Document worker(WorkerParty w) {
        return new Document("personId", w.personId()).append("maskedName", w.maskedName())
                .append("maskedIdNumber", w.maskedIdNumber()).append("memberId", w.memberId())
                .append("groupTags", w.groupTags());
    }

    private static Document party(Party p) {
        return p == null ? null : new Document("partyId", p.partyId()).append("creditCode", p.creditCode())
                .append("name", p.encryptedName());
    }

    private static Party toParty(Document p) {
        return p == null ? null : new Party(p.getString("partyId"), p.getString("creditCode"), p.getString("name"));
    }

    private static DisputeCase toCase(Document d) {
        Document r = d.get("referral", Document.class);
        Referral referral = r == null ? null : new Referral(ReferralBody.valueOf(r.getString("toBody")),
                LocalDate.parse(r.getString("referredOn")), r.getString("reference"), r.getString("outcome"),
                longOrNull(r, "awardedFen"), localDate(r.getString("outcomeRecordedOn")));
        Document cl = d.get("closure", Document.class);
        Closure closure = cl == null ? null : new Closure(ClosureType.valueOf(cl.getString("closureType")),
                number(cl, "amountRecoveredFen"), (int) number(cl, "workersBenefited"),
                LocalDate.parse(cl.getString("closedOn")), LocalDate.parse(cl.getString("followUpDueOn")),
                cl.getBoolean("reComplained"), localDate(cl.getString("followedUpOn")));
        String cause = d.getString("lastReopeningCause");
        return new DisputeCase(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                CaseIntake.valueOf(d.getString("intake")), d.getString("workOrderId"),
                d.getList("claimTypes", String.class, List.of()).stream().map(ClaimType::valueOf).toList(),
                map(d, "workers", w -> new WorkerParty(w.getString("personId"), w.getString("maskedName"),
                        w.getString("maskedIdNumber"), w.getString("memberId"),
                        w.getList("groupTags", String.class, List.of()))),
                toParty(d.get("employer", Document.class)), toParty(d.get("platform", Document.class)),
                number(d, "amountClaimedFen"), Boolean.TRUE.equals(d.getBoolean("collective")),
                Boolean.TRUE.equals(d.getBoolean("crossProvince")), d.getDate("openedAt").toInstant(),
                LocalDate.parse(d.getString("openedOn")), d.getString("openedBy"),
                DisputeStatus.valueOf(d.getString("status")), d.getString("lawyerId"),
                localDate(d.getString("legalAidGrantedOn")),
                map(d, "mediationSessions", s -> new MediationSession(s.getString("sessionId"),
                        MediationBody.valueOf(s.getString("mechanism")),
                        s.getList("partiesPresent", String.class, List.of()).stream().map(MediationBody::valueOf)
                                .toList(),
                        LocalDate.parse(s.getString("heldOn")), s.getString("actor"))),
                Boolean.TRUE.equals(d.getBoolean("mediated")), Boolean.TRUE.equals(d.getBoolean("mediationSucceeded")),
                longOrNull(d, "agreedFen"), localDate(d.getString("agreementReachedOn")),
                localDate(d.getString("mediationFailedOn")), referral, closure, (int) number(d, "reopenCount"),
                cause == null ? null : ReopeningCause.valueOf(cause),
                new HashSet<>(d.getList("hardshipReferred", String.class, List.of())), number(d, "version"));
    }

    private static <T> List<T> map(Document d, String field, Function<Document, T> mapping) {
        return d.getList(field, Document.class, List.of()).stream().map(mapping).toList();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate localDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static Long longOrNull(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? null : n.longValue();
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("openedAt", Sort.Direction.DESC));
            indexed = true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget disputeCasesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
