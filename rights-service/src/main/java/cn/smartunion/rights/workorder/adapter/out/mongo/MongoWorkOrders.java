package cn.smartunion.rights.workorder.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.Complexity;
import cn.smartunion.contracts.rights.HardshipReferred;
import cn.smartunion.contracts.rights.IntakeChannel;
import cn.smartunion.contracts.rights.OrderCategory;
import cn.smartunion.contracts.rights.OrderOutcome;
import cn.smartunion.contracts.rights.SlaBreached;
import cn.smartunion.contracts.rights.WorkOrderAccepted;
import cn.smartunion.contracts.rights.WorkOrderClosed;
import cn.smartunion.contracts.rights.WorkOrderCreated;
import cn.smartunion.contracts.rights.WorkOrderDispatched;
import cn.smartunion.contracts.rights.WorkOrderEscalated;
import cn.smartunion.contracts.rights.WorkOrderRated;
import cn.smartunion.contracts.rights.WorkOrderResolved;
import cn.smartunion.rights.workorder.domain.Caller;
import cn.smartunion.rights.workorder.domain.Grant;
import cn.smartunion.rights.workorder.domain.Note;
import cn.smartunion.rights.workorder.domain.WorkOrder;
import cn.smartunion.rights.workorder.domain.WorkOrderStatus;
import cn.smartunion.rights.workorder.domain.WorkOrders;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code work_orders}: one document per order with its grants, notes (encrypted), outbox. Readable by the owner's
 * subtree ({@code orgPath}) or through an active grant ({@code activeGrantPaths}); reads through a grant are audited
 * in {@code work_order_access}.
 */
@Repository
class MongoWorkOrders implements WorkOrders {

    static final String COLLECTION = "work_orders";
    static final String ACCESS_COLLECTION = "work_order_access";

    private static final List<String> OPEN = List.of(WorkOrderStatus.RECEIVED.name(),
            WorkOrderStatus.DISPATCHED.name(), WorkOrderStatus.ACCEPTED.name());

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            WorkOrderCreated.class, EventTypes.WORK_ORDER_CREATED,
            WorkOrderDispatched.class, EventTypes.WORK_ORDER_DISPATCHED,
            WorkOrderAccepted.class, EventTypes.WORK_ORDER_ACCEPTED,
            WorkOrderEscalated.class, EventTypes.WORK_ORDER_ESCALATED,
            WorkOrderResolved.class, EventTypes.WORK_ORDER_RESOLVED,
            WorkOrderRated.class, EventTypes.WORK_ORDER_RATED,
            WorkOrderClosed.class, EventTypes.WORK_ORDER_CLOSED,
            SlaBreached.class, EventTypes.SLA_BREACHED,
            HardshipReferred.class, EventTypes.HARDSHIP_REFERRED);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoWorkOrders(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(WorkOrder order, List<Object> events) {
        ensureIndexes();
        Document d = new Document("_id", order.id())
                .append("channel", order.channel().name())
                .append("anonymous", order.caller().anonymous())
                .append("callerPhone", order.caller().phoneCiphertext())
                .append("callerPhoneMasked", order.caller().phoneMasked())
                .append("callerName", order.caller().nameCiphertext())
                .append("callerNameMasked", order.caller().nameMasked())
                .append("summary", order.summaryCiphertext())
                .append("orgId", order.orgId())
                .append("orgPath", order.orgPath())
                .append("receivedAt", Date.from(order.receivedAt()))
                .append("createdBy", order.createdBy())
                .append(OutboxEvent.FIELD, events.stream().map(e -> outboxDocument(order, e)).toList());
        mutable(order).forEach(d::append);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(WorkOrder order, List<Object> events) {
        Query current = Query.query(where("_id").is(order.id()).and("version").is(order.version()));
        if (mongo.updateFirst(current, changes(order, events), COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(order.id());
        }
    }

    @Override
    public boolean recordBreach(WorkOrder order, List<Object> events) {
        Query current = Query.query(where("_id").is(order.id()).and("version").is(order.version())
                .and("slaBreached").ne(true).and("status").in(OPEN));
        return mongo.updateFirst(current, changes(order, events), COLLECTION).getModifiedCount() == 1;
    }

    private Update changes(WorkOrder order, List<Object> events) {
        Update update = new Update().inc("version", 1);
        mutable(order).forEach((field, value) -> {
            if (!field.equals("version")) {
                update.set(field, value);
            }
        });
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(events.stream().map(e -> outboxDocument(order, e)).toArray());
        }
        return update;
    }

    /** The fields a state change may touch. */
    private static Document mutable(WorkOrder order) {
        WorkOrder.Resolution r = order.resolution();
        return new Document("category", order.category().name())
                .append("complexity", order.complexity().name())
                .append("dueAt", Date.from(order.dueAt()))
                .append("status", order.status().name())
                .append("handlingOrgId", order.handlingOrgId())
                .append("handlingOrgPath", order.handlingOrgPath())
                .append("grants", order.grants().stream().map(g -> new Document("orgId", g.orgId())
                        .append("orgPath", g.orgPath()).append("grantedBy", g.grantedBy())
                        .append("grantedAt", Date.from(g.grantedAt()))
                        .append("endedAt", date(g.endedAt()))).toList())
                .append("activeGrantPaths", order.activeGrantPaths())
                .append("notes", order.notes().stream().map(n -> new Document("text", n.textCiphertext())
                        .append("by", n.by()).append("byOrgPath", n.byOrgPath()).append("at", Date.from(n.at())))
                        .toList())
                .append("referralId", order.referralId())
                .append("slaBreached", order.slaBreached())
                .append("escalated", order.escalated())
                .append("escalatedToOrgId", order.escalatedToOrgId())
                .append("escalatedToOrgPath", order.escalatedToOrgPath())
                .append("resolution", r == null ? null : new Document("outcome", r.outcome().name())
                        .append("amountRecoveredFen", r.amountRecoveredFen()).append("withinSla", r.withinSla())
                        .append("resolvedAt", Date.from(r.resolvedAt())).append("resolvedBy", r.resolvedBy()))
                .append("rating", order.rating())
                .append("closedAt", date(order.closedAt()))
                .append("version", order.version());
    }

    @Override
    public Optional<WorkOrder> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoWorkOrders::toDomain);
    }

    @Override
    public Optional<WorkOrder> findReadable(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(readable(scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoWorkOrders::toDomain);
    }

    @Override
    public List<WorkOrder> listReadable(String scopePath, Filter filter, Instant now, int page, int size) {
        Query query = filtered(scopePath, filter, now)
                .with(Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoWorkOrders::toDomain).toList();
    }

    @Override
    public long countReadable(String scopePath, Filter filter, Instant now) {
        return mongo.count(filtered(scopePath, filter, now), COLLECTION);
    }

    @Override
    public List<WorkOrder> overdueUnbreached(Instant now, int limit) {
        Query query = Query.query(where("status").in(OPEN).and("slaBreached").ne(true).and("dueAt")
                .lt(Date.from(now))).with(Sort.by("dueAt")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoWorkOrders::toDomain).toList();
    }

    @Override
    public void logGrantedAccess(String orderId, String subject, String orgPath, Instant at) {
        mongo.insert(new Document("orderId", orderId).append("subject", subject).append("orgPath", orgPath)
                .append("at", Date.from(at)), ACCESS_COLLECTION);
    }

    private static Criteria readable(String scopePath) {
        return new Criteria().orOperator(OrgScope.subtree("orgPath", scopePath),
                OrgScope.subtree("activeGrantPaths", scopePath));
    }

    private static Query filtered(String scopePath, Filter filter, Instant now) {
        Query query = new Query(readable(scopePath));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.category() != null) {
            query.addCriteria(where("category").is(filter.category().name()));
        }
        if (filter.complexity() != null) {
            query.addCriteria(where("complexity").is(filter.complexity().name()));
        }
        if (filter.overdue()) {
            query.addCriteria(where("dueAt").lt(Date.from(now)));
            if (filter.status() == null) {
                query.addCriteria(where("status").in(OPEN));
            }
        }
        return query;
    }

    private Document outboxDocument(WorkOrder order, Object event) {
        EventType type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a work order event: " + event.getClass().getSimpleName());
        }
        String subject = event instanceof HardshipReferred referred ? referred.referralId() : order.id();
        return OutboxEvents.document(outboxEvents.create(type, subject, order.orgPath(), event));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("receivedAt", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("activeGrantPaths", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("dueAt", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static WorkOrder toDomain(Document d) {
        List<Grant> grants = d.getList("grants", Document.class, List.of()).stream().map(g -> new Grant(
                g.getString("orgId"), g.getString("orgPath"), g.getString("grantedBy"), instant(g, "grantedAt"),
                instant(g, "endedAt"))).toList();
        List<Note> notes = d.getList("notes", Document.class, List.of()).stream().map(n -> new Note(
                n.getString("text"), n.getString("by"), n.getString("byOrgPath"), instant(n, "at"))).toList();
        Document r = d.get("resolution", Document.class);
        WorkOrder.Resolution resolution = r == null ? null : new WorkOrder.Resolution(
                OrderOutcome.valueOf(r.getString("outcome")), number(r, "amountRecoveredFen"),
                Boolean.TRUE.equals(r.getBoolean("withinSla")), instant(r, "resolvedAt"), r.getString("resolvedBy"));
        Number rating = d.get("rating", Number.class);
        return new WorkOrder(d.getString("_id"), IntakeChannel.valueOf(d.getString("channel")),
                OrderCategory.valueOf(d.getString("category")), Complexity.valueOf(d.getString("complexity")),
                new Caller(d.getString("callerPhone"), d.getString("callerPhoneMasked"), d.getString("callerName"),
                        d.getString("callerNameMasked")),
                d.getString("summary"), d.getString("orgId"), d.getString("orgPath"), d.getString("handlingOrgId"),
                d.getString("handlingOrgPath"), instant(d, "receivedAt"), instant(d, "dueAt"),
                WorkOrderStatus.valueOf(d.getString("status")), grants, notes, d.getString("referralId"),
                Boolean.TRUE.equals(d.getBoolean("slaBreached")), Boolean.TRUE.equals(d.getBoolean("escalated")),
                d.getString("escalatedToOrgId"), d.getString("escalatedToOrgPath"), resolution,
                rating == null ? null : rating.intValue(), instant(d, "closedAt"), d.getString("createdBy"),
                number(d, "version"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    private static long number(Document d, String field) {
        Number n = d == null ? null : d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget workOrdersRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
