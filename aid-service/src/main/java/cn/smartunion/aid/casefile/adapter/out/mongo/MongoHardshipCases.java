package cn.smartunion.aid.casefile.adapter.out.mongo;

import cn.smartunion.aid.casefile.domain.Approval;
import cn.smartunion.aid.casefile.domain.CaseStatus;
import cn.smartunion.aid.casefile.domain.HardshipCase;
import cn.smartunion.aid.casefile.domain.HardshipCases;
import cn.smartunion.aid.casefile.domain.HouseholdMember;
import cn.smartunion.aid.casefile.domain.MonitoringVisit;
import cn.smartunion.aid.casefile.domain.PersonRef;
import cn.smartunion.aid.casefile.domain.PlannedMeasure;
import cn.smartunion.aid.casefile.domain.RelapseRisk;
import cn.smartunion.aid.casefile.domain.Relation;
import cn.smartunion.aid.casefile.domain.StatusChange;
import cn.smartunion.aid.casefile.domain.UnpaidRelease;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidMeasure;
import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.CaseClosure;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.contracts.aid.HardshipCaseApproved;
import cn.smartunion.contracts.aid.HardshipCaseClosed;
import cn.smartunion.contracts.aid.HardshipCaseFiled;
import cn.smartunion.contracts.aid.HardshipCaseRelieved;
import cn.smartunion.contracts.aid.HardshipCaseReopened;
import cn.smartunion.contracts.aid.HardshipCategory;
import cn.smartunion.contracts.aid.HardshipCause;
import cn.smartunion.contracts.aid.IdentificationChannel;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code hardship_cases}. Every change is one conditional {@code updateFirst} on the case's {@code version}, setting
 * the fields the case owns and pushing its events to the {@code outbox} in the same write. The money fields
 * ({@code unpaidFen}, {@code paidFen}, {@code paidDisbursements}) belong to the disbursement ledger, which moves them
 * with {@code $inc} without touching the version: the case only adds to {@code unpaidFen} on approval and zeroes it,
 * on the condition that it still holds the amount read, on closure or reopening.
 *
 * <p>One open case per household: {@code openHousehold} holds the household id while the case is not closed (unset
 * when it is), under a unique sparse index.
 */
@Repository
class MongoHardshipCases implements HardshipCases {

    static final String COLLECTION = "hardship_cases";
    static final String OPEN_HOUSEHOLD = "openHousehold";

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            HardshipCaseFiled.class, EventTypes.HARDSHIP_CASE_FILED,
            HardshipCaseApproved.class, EventTypes.HARDSHIP_CASE_APPROVED,
            HardshipCaseRelieved.class, EventTypes.HARDSHIP_CASE_RELIEVED,
            HardshipCaseClosed.class, EventTypes.HARDSHIP_CASE_CLOSED,
            HardshipCaseReopened.class, EventTypes.HARDSHIP_CASE_REOPENED);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoHardshipCases(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(HardshipCase c, List<Object> events) {
        ensureIndexes();
        Document d = new Document("_id", c.id())
                .append("orgId", c.orgId())
                .append("orgPath", c.orgPath())
                .append("programmeCode", c.programmeCode())
                .append("cycle", c.cycle())
                .append("identifiedBy", c.identifiedBy().name())
                .append("householdId", c.householdId())
                .append("memberId", c.memberId())
                .append("head", person(c.head()))
                .append("createdAt", Date.from(c.createdAt()))
                .append("approvedFen", 0L)
                .append("paidFen", 0L)
                .append("unpaidFen", 0L)
                .append("paidDisbursements", List.of())
                .append("measurePayments", List.of())
                .append("version", 0L);
        owned(c).forEach(d::append);
        if (c.open()) {
            d.append(OPEN_HOUSEHOLD, c.householdId());
        }
        d.append(OutboxEvent.FIELD, outbox(c, events));
        try {
            mongo.insert(d, COLLECTION);
        } catch (DuplicateKeyException e) {
            throw new HouseholdHasOpenCase();
        }
    }

    @Override
    public void update(HardshipCase c, List<Object> events) {
        if (c.version() == null) {
            throw new IllegalArgumentException("case " + c.id() + " was never stored");
        }
        ensureIndexes();
        Update update = new Update();
        owned(c).forEach((field, value) -> {
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        });
        update.set("approvedFen", c.approvedFen()).set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        if (c.open()) {
            update.set(OPEN_HOUSEHOLD, c.householdId());
        } else {
            update.unset(OPEN_HOUSEHOLD);
        }
        Query query = Query.query(where("_id").is(c.id()).and("version").is(c.version()));
        if (c.unpaidIncrement() > 0) {
            update.inc("unpaidFen", c.unpaidIncrement());
        } else if (c.settledUnpaid() != null) {
            query.addCriteria(where("unpaidFen").is(c.settledUnpaid()));
            update.set("unpaidFen", 0L);
        }
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(outbox(c, events).toArray());
        }
        long matched;
        try {
            matched = mongo.updateFirst(query, update, COLLECTION).getMatchedCount();
        } catch (DuplicateKeyException e) {
            throw new HouseholdHasOpenCase();
        }
        if (matched == 0) {
            throw new ConcurrentUpdate(c.id());
        }
    }

    @Override
    public Optional<HardshipCase> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoHardshipCases::toCase);
    }

    @Override
    public Optional<HardshipCase> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoHardshipCases::toCase);
    }

    @Override
    public List<HardshipCase> list(CaseFilter filter, int page, int size) {
        Query query = filter(filter).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude(OutboxEvent.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoHardshipCases::toCase).toList();
    }

    @Override
    public long count(CaseFilter filter) {
        return mongo.count(filter(filter), COLLECTION);
    }

    @Override
    public void recordMeasurePayment(String caseId, String paymentKey, String disbursementId, AidMeasure measure,
                                     long amountFen) {
        Query query = Query.query(where("_id").is(caseId).and("measurePayments.key").ne(paymentKey));
        mongo.updateFirst(query, new Update().push("measurePayments", new Document("key", paymentKey)
                .append("disbursementId", disbursementId).append("measure", measure.name())
                .append("amountFen", amountFen)), COLLECTION);
    }

    @Override
    public void releaseDone(String caseId, String releaseId) {
        mongo.updateFirst(Query.query(where("_id").is(caseId).and("pendingRelease.releaseId").is(releaseId)),
                new Update().unset("pendingRelease").inc("version", 1), COLLECTION);
    }

    @Override
    public Map<AidMeasure, Long> paidByMeasure(String caseId, String exceptKey) {
        Query query = Query.query(where("_id").is(caseId));
        query.fields().include("measurePayments");
        Document d = mongo.findOne(query, Document.class, COLLECTION);
        Map<AidMeasure, Long> paid = new EnumMap<>(AidMeasure.class);
        if (d != null) {
            for (Document payment : list(d, "measurePayments")) {
                if (payment.getString("key").equals(exceptKey)) {
                    continue;
                }
                paid.merge(AidMeasure.valueOf(payment.getString("measure")),
                        payment.get("amountFen", Number.class).longValue(), Long::sum);
            }
        }
        return paid;
    }

    private static Query filter(CaseFilter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", filter.scopePath()));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.category() != null) {
            query.addCriteria(where("category").is(filter.category().name()));
        }
        if (filter.orgId() != null) {
            query.addCriteria(where("orgId").is(filter.orgId()));
        }
        return query;
    }

    private List<Document> outbox(HardshipCase c, List<Object> events) {
        List<Document> documents = new ArrayList<>();
        for (Object event : events) {
            EventType type = EVENT_TYPES.get(event.getClass());
            if (type == null) {
                throw new IllegalArgumentException("not a hardship case event: " + event.getClass().getSimpleName());
            }
            documents.add(OutboxEvents.document(outboxEvents.create(type, c.id(), c.orgPath(), event)));
        }
        return documents;
    }

    /** The fields the case itself changes (null values are unset). */
    private static Map<String, Object> owned(HardshipCase c) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("status", c.status().name());
        fields.put("householdMembers", c.householdMembers().stream().map(m -> person(m.person())
                .append("relation", m.relation().name())).toList());
        fields.put("category", name(c.category()));
        fields.put("causes", c.causes().stream().map(Enum::name).toList());
        fields.put("monthlyIncomeFen", c.monthlyIncomeFen());
        fields.put("outcome", name(c.outcome()));
        fields.put("filedBy", c.filedBy());
        fields.put("filedAt", date(c.filedAt()));
        fields.put("reopenCount", c.reopenCount());
        fields.put("closureCount", c.closureCount());
        fields.put("measures", c.measures().stream().map(m -> new Document("measure", m.measure().name())
                .append("plannedFen", m.plannedFen())).toList());
        fields.put("approval", approval(c.approval()));
        fields.put("approvalCount", c.approvalCount());
        fields.put("monitoring", c.monitoring().stream().map(v -> new Document("visitedOn", v.visitedOn().toString())
                .append("relapseRisk", v.relapseRisk().name()).append("actor", v.actorSubject())
                .append("recordedAt", date(v.recordedAt()))).toList());
        fields.put("history", c.history().stream().map(h -> new Document("status", h.status().name())
                .append("actor", h.actorSubject()).append("at", date(h.at()))).toList());
        UnpaidRelease release = c.pendingRelease();
        fields.put("pendingRelease", release == null ? null : new Document("budgetLineId", release.budgetLineId())
                .append("releaseId", release.releaseId()).append("amountFen", release.amountFen()));
        fields.put("relievedOn", c.relievedOn() == null ? null : c.relievedOn().toString());
        fields.put("closedOn", c.closedOn() == null ? null : c.closedOn().toString());
        return fields;
    }

    private static Document approval(Approval a) {
        if (a == null) {
            return null;
        }
        return new Document("level", a.level().name()).append("approverSubject", a.approverSubject())
                .append("budgetLineId", a.budgetLineId()).append("fundingSource", a.fundingSource().name())
                .append("commitmentId", a.commitmentId()).append("amountFen", a.amountFen())
                .append("startedAt", date(a.startedAt())).append("approvedAt", date(a.approvedAt()));
    }

    private static Document person(PersonRef p) {
        return new Document("personId", p.personId()).append("maskedName", p.maskedName())
                .append("maskedIdNumber", p.maskedIdNumber());
    }

    private static HardshipCase toCase(Document d) {
        Document a = d.get("approval", Document.class);
        Approval approval = a == null ? null : new Approval(ApprovalLevel.valueOf(a.getString("level")),
                a.getString("approverSubject"), a.getString("budgetLineId"),
                FundingSource.valueOf(a.getString("fundingSource")), a.getString("commitmentId"),
                number(a, "amountFen"), instant(a.getDate("startedAt")), instant(a.getDate("approvedAt")));
        Document r = d.get("pendingRelease", Document.class);
        UnpaidRelease release = r == null ? null : new UnpaidRelease(r.getString("budgetLineId"),
                r.getString("releaseId"), number(r, "amountFen"));
        Number income = d.get("monthlyIncomeFen", Number.class);
        return new HardshipCase(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                d.getString("programmeCode"), d.getString("cycle"),
                IdentificationChannel.valueOf(d.getString("identifiedBy")), d.getString("householdId"),
                d.getString("memberId"), toPerson(d.get("head", Document.class)), instant(d.getDate("createdAt")),
                map(d, "householdMembers", m -> new HouseholdMember(toPerson(m),
                        Relation.valueOf(m.getString("relation")))),
                enumOrNull(HardshipCategory.class, d.getString("category")),
                d.getList("causes", String.class, List.of()).stream().map(HardshipCause::valueOf).toList(),
                income == null ? null : income.longValue(), CaseStatus.valueOf(d.getString("status")),
                enumOrNull(CaseClosure.class, d.getString("outcome")), d.getString("filedBy"),
                instant(d.getDate("filedAt")), (int) number(d, "reopenCount"), (int) number(d, "closureCount"),
                map(d, "measures", m -> new PlannedMeasure(AidMeasure.valueOf(m.getString("measure")),
                        number(m, "plannedFen"))),
                approval, (int) number(d, "approvalCount"), number(d, "approvedFen"), number(d, "paidFen"),
                number(d, "unpaidFen"),
                map(d, "monitoring", v -> new MonitoringVisit(LocalDate.parse(v.getString("visitedOn")),
                        RelapseRisk.valueOf(v.getString("relapseRisk")), v.getString("actor"),
                        instant(v.getDate("recordedAt")))),
                map(d, "history", h -> new StatusChange(CaseStatus.valueOf(h.getString("status")),
                        h.getString("actor"), instant(h.getDate("at")))),
                release, localDate(d.getString("relievedOn")), localDate(d.getString("closedOn")),
                number(d, "version"));
    }

    private static PersonRef toPerson(Document p) {
        return new PersonRef(p.getString("personId"), p.getString("maskedName"), p.getString("maskedIdNumber"));
    }

    private static <T> List<T> map(Document d, String field, Function<Document, T> mapping) {
        return list(d, field).stream().map(mapping).toList();
    }

    private static List<Document> list(Document d, String field) {
        return d.getList(field, Document.class, List.of());
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static LocalDate localDate(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(OPEN_HOUSEHOLD, Sort.Direction.ASC).unique()
                    .sparse().named(OPEN_HOUSEHOLD));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget hardshipCasesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
