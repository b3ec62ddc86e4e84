package cn.smartunion.membership.joining.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MembershipApplicationRejected;
import cn.smartunion.contracts.membership.MembershipApplicationSubmitted;
import cn.smartunion.contracts.membership.MembershipApplicationWithdrawn;
import cn.smartunion.membership.joining.domain.Application;
import cn.smartunion.membership.joining.domain.ApplicationStatus;
import cn.smartunion.membership.joining.domain.Applications;
import cn.smartunion.membership.joining.domain.Approval;
import cn.smartunion.membership.joining.domain.Rejection;
import cn.smartunion.membership.joining.domain.RejectionReason;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.adapter.out.mongo.StoredPerson;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoApplications implements Applications {

    /** The contract events an application's outbox carries, by payload type. */
    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            MembershipApplicationSubmitted.class, EventTypes.APPLICATION_SUBMITTED,
            MembershipApplicationRejected.class, EventTypes.APPLICATION_REJECTED,
            MembershipApplicationWithdrawn.class, EventTypes.APPLICATION_WITHDRAWN);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    MongoApplications(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(Application.Submitted submitted) {
        Application application = submitted.application();
        ApplicationDocument document = new ApplicationDocument();
        document.id = application.id();
        write(application, document);
        document.updatedAt = clock.instant();
        document.outbox.add(outboxEvent(application, submitted.event()));
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
    }

    @Override
    public void update(Application application, List<Object> events) {
        if (application.version() == null) {
            throw new IllegalArgumentException("application " + application.id() + " was never stored: add it first");
        }
        ApplicationDocument state = new ApplicationDocument();
        write(application, state);
        // only the decision changes after submission; what the applicant wrote is never rewritten
        Update update = new Update()
                .set("status", state.status)
                .set("updatedAt", clock.instant())
                .inc("version", 1);
        setOrUnset(update, "approval", state.approval);
        setOrUnset(update, "rejection", state.rejection);
        setOrUnset(update, "withdrawnAt", state.withdrawnAt);
        // unset rather than null: the indexes are sparse, so only open applications take part in their uniqueness
        setOrUnset(update, "openPersonKey", state.openPersonKey);
        setOrUnset(update, "openAccountSubject", state.openAccountSubject);
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD)
                    .each(events.stream().map(event -> outboxEvent(application, event)).toArray());
        }
        Query current = Query.query(where("_id").is(application.id()).and("version").is(application.version()));
        UpdateResult result;
        try {
            result = mongo.updateFirst(current, update, ApplicationDocument.class);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentUpdate(application.id());
        }
    }

    @Override
    public Optional<Application> findWithin(String id, String scopePath) {
        return findOne(Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath)));
    }

    @Override
    public Optional<Application> findOfAccount(String id, String accountSubject) {
        return findOne(Query.query(where("_id").is(id).and("accountSubject").is(accountSubject)));
    }

    @Override
    public PageOf<ApplicationSummary> list(ApplicationFilter filter, int page, int size) {
        Query query = new Query(OrgScope.subtree("orgPath", filter.orgPath()));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        return page(query, Sort.by("submittedAt", "_id"), page, size);
    }

    @Override
    public PageOf<ApplicationSummary> listOfAccount(String accountSubject, int page, int size) {
        Query query = Query.query(where("accountSubject").is(accountSubject));
        return page(query, Sort.by(Sort.Direction.DESC, "submittedAt", "_id"), page, size);
    }

    private PageOf<ApplicationSummary> page(Query query, Sort sort, int page, int size) {
        long total = mongo.count(query, ApplicationDocument.class);
        query.with(sort).skip((long) page * size).limit(size);
        query.fields().include("orgId", "orgPath", "status", "legalName.masked", "citizenIdNumber.masked",
                "mobilePhone.masked", "joinChannel", "campaignId", "groupTags", "submittedByKind", "submittedAt",
                "approval.memberId", "rejection.reasonCode");
        List<ApplicationSummary> items = mongo.find(query, org.bson.Document.class, ApplicationDocument.COLLECTION)
                .stream().map(MongoApplications::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    private Optional<Application> findOne(Query query) {
        query.fields().exclude(OutboxEvent.FIELD);
        return Optional.ofNullable(mongo.findOne(query, ApplicationDocument.class)).map(MongoApplications::toDomain);
    }

    private OutboxEvent outboxEvent(Application application, Object event) {
        EventType type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not an event of an application");
        }
        return outboxEvents.create(type, application.id(), application.target().path(), event);
    }

    /** Which unique index refused the write; the driver names it in the message. */
    private static RuntimeException translate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(ApplicationDocument.OPEN_PERSON_INDEX)
                || message.contains(ApplicationDocument.OPEN_ACCOUNT_INDEX)) {
            return new OpenApplicationExists();
        }
        return e;
    }

    private static void setOrUnset(Update update, String field, Object value) {
        if (value == null) {
            update.unset(field);
        } else {
            update.set(field, value);
        }
    }

    private static void write(Application application, ApplicationDocument d) {
        d.orgId = application.target().id();
        d.orgPath = application.target().path();
        d.status = application.status().name();
        d.storePerson(application.applicant(), application.employment());
        d.groupTags = new ArrayList<>(application.groupTags());
        d.joinChannel = application.joining().channel().name();
        d.campaignId = application.joining().campaignId();
        d.submittedByKind = application.submittedBy().kind().name();
        d.submittedBySubject = application.submittedBy().subject();
        d.accountSubject = application.accountSubject();
        d.submittedAt = application.submittedAt();
        boolean open = application.status().isOpen();
        d.openPersonKey = open ? application.personKey() : null;
        d.openAccountSubject = open ? application.accountSubject() : null;
        Approval approval = application.approval();
        if (approval != null) {
            d.approval = new ApplicationDocument.ApprovalPart();
            d.approval.approvedByKind = approval.approvedBy().kind().name();
            d.approval.approvedBySubject = approval.approvedBy().subject();
            d.approval.approvedAt = approval.approvedAt();
            d.approval.effectiveOn = approval.effectiveOn().toString();
            d.approval.memberId = approval.memberId();
        }
        Rejection rejection = application.rejection();
        if (rejection != null) {
            d.rejection = new ApplicationDocument.RejectionPart();
            d.rejection.rejectedByKind = rejection.rejectedBy().kind().name();
            d.rejection.rejectedBySubject = rejection.rejectedBy().subject();
            d.rejection.rejectedAt = rejection.rejectedAt();
            d.rejection.reasonCode = rejection.reason().name();
            d.rejection.note = rejection.note();
        }
        d.withdrawnAt = application.withdrawnAt();
    }

    private static Application toDomain(ApplicationDocument d) {
        Approval approval = d.approval == null ? null : new Approval(
                new Actor(ActorKind.valueOf(d.approval.approvedByKind), d.approval.approvedBySubject),
                d.approval.approvedAt, LocalDate.parse(d.approval.effectiveOn), d.approval.memberId);
        Rejection rejection = d.rejection == null ? null : new Rejection(
                new Actor(ActorKind.valueOf(d.rejection.rejectedByKind), d.rejection.rejectedBySubject),
                d.rejection.rejectedAt, RejectionReason.valueOf(d.rejection.reasonCode), d.rejection.note);
        return Application.restore(d.id, d.storedPerson(), new OrgRef(d.orgId, d.orgPath), d.storedEmployment(), d.groupTags,
                new Joining(JoinChannel.valueOf(d.joinChannel), d.campaignId, d.id, null),
                new Actor(ActorKind.valueOf(d.submittedByKind), d.submittedBySubject), d.submittedAt,
                ApplicationStatus.valueOf(d.status), approval, rejection, d.withdrawnAt, d.version);
    }

    private static ApplicationSummary summary(org.bson.Document d) {
        org.bson.Document approval = d.get("approval", org.bson.Document.class);
        org.bson.Document rejection = d.get("rejection", org.bson.Document.class);
        Object submittedAt = d.get("submittedAt");
        return new ApplicationSummary(d.getString("_id"), StoredPerson.masked(d, "legalName"),
                StoredPerson.masked(d, "citizenIdNumber"), StoredPerson.masked(d, "mobilePhone"), d.getString("orgId"),
                d.getString("orgPath"),
                ApplicationStatus.valueOf(d.getString("status")), JoinChannel.valueOf(d.getString("joinChannel")),
                d.getString("campaignId"), d.getList("groupTags", String.class, List.of()),
                ActorKind.valueOf(d.getString("submittedByKind")),
                submittedAt instanceof java.util.Date date ? date.toInstant() : (Instant) submittedAt,
                approval == null ? null : approval.getString("memberId"),
                rejection == null ? null : rejection.getString("reasonCode"));
    }
}
