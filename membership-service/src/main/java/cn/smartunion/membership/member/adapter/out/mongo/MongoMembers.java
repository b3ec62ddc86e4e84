package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberAccountLinked;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MemberTransferClosed;
import cn.smartunion.contracts.membership.MemberTransferRequested;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.member.domain.Actor;
import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.StatusChange;
import cn.smartunion.membership.member.domain.Transfer;
import cn.smartunion.membership.member.domain.TransferDeclineReason;
import cn.smartunion.membership.member.domain.TransferReason;
import cn.smartunion.membership.member.domain.TransferStatus;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import cn.smartunion.runtime.scope.OrgScope;
import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoMembers implements Members {

    /** The contract events a member's outbox carries, by payload type. */
    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            MemberActivated.class, EventTypes.MEMBER_ACTIVATED,
            MemberAccountLinked.class, EventTypes.MEMBER_ACCOUNT_LINKED,
            MembershipRetained.class, EventTypes.MEMBERSHIP_RETAINED,
            MembershipReinstated.class, EventTypes.MEMBERSHIP_REINSTATED,
            MembershipTerminated.class, EventTypes.MEMBERSHIP_TERMINATED,
            MemberGroupTagsChanged.class, EventTypes.MEMBER_GROUP_TAGS_CHANGED,
            MemberEmploymentChanged.class, EventTypes.MEMBER_EMPLOYMENT_CHANGED,
            MemberTransferRequested.class, EventTypes.MEMBER_TRANSFER_REQUESTED,
            MemberTransferred.class, EventTypes.MEMBER_TRANSFERRED,
            MemberTransferClosed.class, EventTypes.MEMBER_TRANSFER_CLOSED);

    private static final String PENDING = "pendingTransfer";
    private static final String CLOSED = "transfers";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;

    MongoMembers(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(Member.Registered registration) {
        Member member = registration.member();
        MemberDocument document = new MemberDocument();
        document.id = member.id();
        write(member, document);
        document.createdAt = clock.instant();
        document.updatedAt = document.createdAt;
        document.outbox.add(outboxEvent(member, registration.event()));
        member.accountLinkedEvent(registration.event().activatedAt())
                .ifPresent(linked -> document.outbox.add(outboxEvent(member, linked)));
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
    }

    @Override
    public void update(Member member, List<Object> events) {
        if (member.version() == null) {
            throw new IllegalArgumentException("member " + member.id() + " was never stored: add it first");
        }
        MemberDocument state = new MemberDocument();
        write(member, state);
        Update update = new Update()
                .set("orgId", state.orgId)
                .set("orgPath", state.orgPath)
                .set("status", state.status)
                .set("legalName", state.legalName)
                .set("citizenIdNumber", state.citizenIdNumber)
                .set("gender", state.gender)
                .set("birthDate", state.birthDate)
                .set("groupTags", state.groupTags)
                .set("joinChannel", state.joinChannel)
                .set("joinedOn", state.joinedOn)
                .set("firstJoinedOn", state.firstJoinedOn)
                .set("activatedAt", state.activatedAt)
                .set("history", state.history)
                .set("transfers", state.transfers)
                .set("updatedAt", clock.instant())
                .inc("version", 1);
        setOrUnset(update, "mobilePhone", state.mobilePhone);
        setOrUnset(update, "employment", state.employment);
        setOrUnset(update, "campaignId", state.campaignId);
        setOrUnset(update, "applicationId", state.applicationId);
        setOrUnset(update, "enrolmentBatchId", state.enrolmentBatchId);
        // unset rather than null: the pending-transfer indexes are sparse, so only members with one are in them
        setOrUnset(update, "pendingTransfer", state.pendingTransfer);
        // unset rather than null: the account index is sparse, so only linked records take part in its uniqueness
        setOrUnset(update, "accountSubject", state.accountSubject);
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(events.stream().map(event -> outboxEvent(member, event)).toArray());
        }
        Query current = Query.query(where("_id").is(member.id()).and("version").is(member.version()));
        UpdateResult result;
        try {
            result = mongo.updateFirst(current, update, MemberDocument.class);
        } catch (DuplicateKeyException e) {
            throw translate(e);
        }
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentUpdate(member.id());
        }
    }

    @Override
    public Optional<Member> findById(String id) {
        return findOne(Query.query(where("_id").is(id)));
    }

    @Override
    public Optional<Member> findWithin(String id, String scopePath) {
        return findOne(Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath)));
    }

    @Override
    public Optional<Member> findByPersonKey(String personKey) {
        return findOne(Query.query(where("citizenIdNumber.blindIndex").is(personKey)));
    }

    @Override
    public Optional<Member> findByPersonKeyWithin(String personKey, String scopePath) {
        return findOne(Query.query(where("citizenIdNumber.blindIndex").is(personKey))
                .addCriteria(OrgScope.subtree("orgPath", scopePath)));
    }

    @Override
    public Optional<Member> findByAccount(String accountSubject) {
        return findOne(Query.query(where("accountSubject").is(accountSubject)));
    }

    @Override
    public PageOf<MemberSummary> list(MemberFilter filter, int page, int size) {
        Query query = new Query(OrgScope.subtree("orgPath", filter.orgPath()));
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        if (filter.groupTag() != null) {
            query.addCriteria(where("groupTags").is(filter.groupTag()));
        }
        long total = mongo.count(query, MemberDocument.class);
        query.with(Sort.by("orgPath", "_id")).skip((long) page * size).limit(size);
        query.fields().include("orgId", "orgPath", "status", "legalName.masked", "citizenIdNumber.masked",
                "mobilePhone.masked", "gender", "groupTags", "joinedOn");
        List<MemberSummary> items = mongo.find(query, org.bson.Document.class, MemberDocument.COLLECTION).stream()
                .map(MongoMembers::summary).toList();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public Optional<Member> findByTransfer(String transferId, String scopePath) {
        return findOne(new Query(new Criteria().orOperator(
                OrgScope.subtree(PENDING + ".fromOrgPath", scopePath).and(PENDING + ".transferId").is(transferId),
                OrgScope.subtree(PENDING + ".toOrgPath", scopePath).and(PENDING + ".transferId").is(transferId),
                where(CLOSED).elemMatch(OrgScope.subtree("fromOrgPath", scopePath).and("transferId").is(transferId)),
                where(CLOSED).elemMatch(OrgScope.subtree("toOrgPath", scopePath).and("transferId").is(transferId)))));
    }

    @Override
    public Optional<TransferSummary> findTransfer(String transferId, String scopePath, Instant now) {
        Query query = new Query(new Criteria().orOperator(
                OrgScope.subtree(PENDING + ".fromOrgPath", scopePath).and(PENDING + ".transferId").is(transferId),
                OrgScope.subtree(PENDING + ".toOrgPath", scopePath).and(PENDING + ".transferId").is(transferId)
                        .and(PENDING + ".expiresAt").gt(Date.from(now)),
                where(CLOSED).elemMatch(OrgScope.subtree("fromOrgPath", scopePath).and("transferId").is(transferId)),
                where(CLOSED).elemMatch(OrgScope.subtree("toOrgPath", scopePath).and("transferId").is(transferId)
                        .and("status").is(TransferStatus.ACCEPTED.name()))));
        includeSummaryFields(query, PENDING, CLOSED);
        MemberDocument found = mongo.findOne(query, MemberDocument.class);
        if (found == null) {
            return Optional.empty();
        }
        List<MemberDocument.TransferPart> parts = new ArrayList<>(found.transfers == null ? List.of()
                : found.transfers);
        if (found.pendingTransfer != null) {
            parts.add(found.pendingTransfer);
        }
        return parts.stream().filter(p -> transferId.equals(p.transferId)).findFirst()
                .map(part -> transferSummary(found, part));
    }

    @Override
    public PageOf<TransferSummary> listTransfers(TransferFilter filter, Instant now, int page, int size) {
        boolean incoming = filter.direction() == TransferDirection.INCOMING;
        String side = incoming ? "toOrgPath" : "fromOrgPath";
        if (filter.status() == TransferStatus.PENDING) {
            Query query = new Query(OrgScope.subtree(PENDING + "." + side, filter.scopePath()));
            if (incoming) {
                query.addCriteria(where(PENDING + ".expiresAt").gt(Date.from(now)));
            }
            long total = mongo.count(query, MemberDocument.class);
            query.with(Sort.by(Sort.Order.desc(PENDING + ".requestedAt"), Sort.Order.asc("_id")))
                    .skip((long) page * size).limit(size);
            includeSummaryFields(query, PENDING);
            List<TransferSummary> items = mongo.find(query, MemberDocument.class).stream()
                    .map(d -> transferSummary(d, d.pendingTransfer)).toList();
            return new PageOf<>(items, page, size, total);
        }
        if (incoming && filter.status() != TransferStatus.ACCEPTED) {
            // the destination's view ends when a transfer ends without moving the member
            return new PageOf<>(List.of(), page, size, 0);
        }
        Criteria element = OrgScope.subtree(side, filter.scopePath()).and("status").is(filter.status().name());
        Criteria unwound = OrgScope.subtree(CLOSED + "." + side, filter.scopePath())
                .and(CLOSED + ".status").is(filter.status().name());
        List<AggregationOperation> select = List.of(Aggregation.match(where(CLOSED).elemMatch(element)),
                Aggregation.unwind(CLOSED), Aggregation.match(unwound));
        List<AggregationOperation> counting = new ArrayList<>(select);
        counting.add(Aggregation.group().count().as("total"));
        org.bson.Document counted = mongo.aggregate(Aggregation.newAggregation(counting), MemberDocument.COLLECTION,
                org.bson.Document.class).getUniqueMappedResult();
        long total = counted == null ? 0 : counted.get("total", Number.class).longValue();
        List<AggregationOperation> paging = new ArrayList<>(select);
        paging.add(Aggregation.sort(Sort.by(Sort.Order.desc(CLOSED + ".closedAt"), Sort.Order.asc("_id"))));
        paging.add(Aggregation.skip((long) page * size));
        paging.add(Aggregation.limit(size));
        paging.add(context -> new org.bson.Document("$project", new org.bson.Document("orgPath", 1)
                .append("legalName.masked", 1).append("citizenIdNumber.masked", 1).append(CLOSED, 1)));
        List<TransferSummary> items = mongo.aggregate(Aggregation.newAggregation(paging), MemberDocument.COLLECTION,
                org.bson.Document.class).getMappedResults().stream().map(this::unwoundSummary).toList();
        return new PageOf<>(items, page, size, total);
    }

    @Override
    public List<String> findTransfersDue(Instant now, int limit) {
        Query query = Query.query(where(PENDING + ".expiresAt").lte(Date.from(now)))
                .with(Sort.by(PENDING + ".expiresAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, MemberDocument.COLLECTION).stream()
                .map(d -> d.getString("_id")).toList();
    }

    private static void includeSummaryFields(Query query, String... transferFields) {
        query.fields().include("orgPath", "legalName.masked", "citizenIdNumber.masked").include(transferFields);
    }

    private TransferSummary unwoundSummary(org.bson.Document d) {
        MemberDocument document = new MemberDocument();
        document.id = d.getString("_id");
        document.orgPath = d.getString("orgPath");
        document.legalName = maskedOnly(d, "legalName");
        document.citizenIdNumber = maskedOnly(d, "citizenIdNumber");
        MemberDocument.TransferPart part = mongo.getConverter().read(MemberDocument.TransferPart.class,
                d.get(CLOSED, org.bson.Document.class));
        return transferSummary(document, part);
    }

    private static ProtectedValue maskedOnly(org.bson.Document d, String field) {
        String masked = StoredPerson.masked(d, field);
        return masked == null ? null : new ProtectedValue(null, null, masked);
    }

    private static TransferSummary transferSummary(MemberDocument d, MemberDocument.TransferPart part) {
        return new TransferSummary(d.id, d.orgPath, d.legalName == null ? null : d.legalName.masked(),
                d.citizenIdNumber == null ? null : d.citizenIdNumber.masked(), transfer(part));
    }

    private Optional<Member> findOne(Query query) {
        query.fields().exclude(OutboxEvent.FIELD);
        return Optional.ofNullable(mongo.findOne(query, MemberDocument.class)).map(MongoMembers::toDomain);
    }

    private OutboxEvent outboxEvent(Member member, Object event) {
        EventType type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not an event of a member");
        }
        return outboxEvents.create(type, member.id(), member.org().path(), event);
    }

    /** Which unique index refused the write; the driver names it in the message. */
    private static RuntimeException translate(DuplicateKeyException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains(MemberDocument.ACCOUNT_INDEX)) {
            return new DuplicateAccount();
        }
        if (message.contains(MemberDocument.PERSON_INDEX)) {
            return new DuplicatePerson();
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

    private static void write(Member member, MemberDocument d) {
        d.orgId = member.org().id();
        d.orgPath = member.org().path();
        d.status = member.status().name();
        d.storePerson(member.person(), member.employment());
        d.groupTags = new ArrayList<>(member.groupTags());
        Joining joining = member.joining();
        d.joinChannel = joining.channel().name();
        d.campaignId = joining.campaignId();
        d.applicationId = joining.applicationId();
        d.enrolmentBatchId = joining.enrolmentBatchId();
        d.joinedOn = member.joinedOn().toString();
        d.firstJoinedOn = member.firstJoinedOn().toString();
        d.activatedAt = member.activatedAt();
        d.accountSubject = member.accountSubject();
        d.history = new ArrayList<>(member.history().stream().map(MongoMembers::stored).toList());
        d.pendingTransfer = member.pendingTransfer().map(MongoMembers::stored).orElse(null);
        d.transfers = new ArrayList<>(member.transfers().stream().filter(t -> !t.status().isOpen())
                .map(MongoMembers::stored).toList());
    }

    private static MemberDocument.TransferPart stored(Transfer transfer) {
        MemberDocument.TransferPart part = new MemberDocument.TransferPart();
        part.transferId = transfer.id();
        part.fromOrgId = transfer.from().id();
        part.fromOrgPath = transfer.from().path();
        part.toOrgId = transfer.to().id();
        part.toOrgPath = transfer.to().path();
        part.requestedByKind = transfer.requestedBy().kind().name();
        part.requestedBySubject = transfer.requestedBy().subject();
        part.reasonCode = transfer.reason().name();
        part.requestedAt = transfer.requestedAt();
        part.expiresAt = transfer.expiresAt();
        part.status = transfer.status().name();
        part.closedAt = transfer.closedAt();
        part.closedByKind = transfer.closedBy() == null ? null : transfer.closedBy().kind().name();
        part.closedBySubject = transfer.closedBy() == null ? null : transfer.closedBy().subject();
        part.declineReasonCode = transfer.declineReason() == null ? null : transfer.declineReason().name();
        part.effectiveOn = transfer.effectiveOn() == null ? null : transfer.effectiveOn().toString();
        return part;
    }

    private static Transfer transfer(MemberDocument.TransferPart p) {
        return new Transfer(p.transferId, new OrgRef(p.fromOrgId, p.fromOrgPath), new OrgRef(p.toOrgId, p.toOrgPath),
                new Actor(ActorKind.valueOf(p.requestedByKind), p.requestedBySubject),
                TransferReason.valueOf(p.reasonCode), p.requestedAt, p.expiresAt, TransferStatus.valueOf(p.status),
                p.closedAt, p.closedByKind == null ? null : new Actor(ActorKind.valueOf(p.closedByKind),
                p.closedBySubject),
                p.declineReasonCode == null ? null : TransferDeclineReason.valueOf(p.declineReasonCode),
                p.effectiveOn == null ? null : LocalDate.parse(p.effectiveOn));
    }

    private static MemberDocument.HistoryEntry stored(StatusChange change) {
        MemberDocument.HistoryEntry entry = new MemberDocument.HistoryEntry();
        entry.from = change.from() == null ? null : change.from().name();
        entry.to = change.to().name();
        entry.orgId = change.orgId();
        entry.orgPath = change.orgPath();
        entry.effectiveOn = change.effectiveOn().toString();
        entry.recordedAt = change.recordedAt();
        entry.actorKind = change.actorKind().name();
        entry.actorSubject = change.actorSubject();
        entry.reasonCode = change.reasonCode();
        entry.transferId = change.transferId();
        return entry;
    }

    private static Member toDomain(MemberDocument d) {
        List<StatusChange> history = d.history == null ? List.of() : d.history.stream().map(h -> new StatusChange(
                h.from == null ? null : MemberStatus.valueOf(h.from), MemberStatus.valueOf(h.to), h.orgId, h.orgPath,
                LocalDate.parse(h.effectiveOn), h.recordedAt, ActorKind.valueOf(h.actorKind), h.actorSubject,
                h.reasonCode, h.transferId)).toList();
        return Member.restore(d.id, d.storedPerson(), new OrgRef(d.orgId, d.orgPath), d.storedEmployment(), d.groupTags,
                new Joining(JoinChannel.valueOf(d.joinChannel), d.campaignId, d.applicationId, d.enrolmentBatchId),
                MemberStatus.valueOf(d.status), LocalDate.parse(d.joinedOn), LocalDate.parse(d.firstJoinedOn),
                d.activatedAt, d.accountSubject, history,
                d.pendingTransfer == null ? null : transfer(d.pendingTransfer),
                d.transfers == null ? List.of() : d.transfers.stream().map(MongoMembers::transfer).toList(),
                d.version);
    }

    private static MemberSummary summary(org.bson.Document d) {
        return new MemberSummary(d.getString("_id"), StoredPerson.masked(d, "legalName"),
                StoredPerson.masked(d, "citizenIdNumber"), StoredPerson.masked(d, "mobilePhone"),
                d.getString("gender") == null ? null : Gender.valueOf(d.getString("gender")),
                d.getString("orgId"), d.getString("orgPath"), MemberStatus.valueOf(d.getString("status")),
                d.getList("groupTags", String.class, List.of()),
                d.getString("joinedOn") == null ? null : LocalDate.parse(d.getString("joinedOn")));
    }
}
