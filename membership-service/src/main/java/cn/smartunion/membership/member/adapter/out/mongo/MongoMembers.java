package cn.smartunion.membership.member.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.membership.ActorKind;
import cn.smartunion.contracts.membership.JoinChannel;
import cn.smartunion.contracts.membership.MemberActivated;
import cn.smartunion.contracts.membership.MemberEmploymentChanged;
import cn.smartunion.contracts.membership.MemberGroupTagsChanged;
import cn.smartunion.contracts.membership.MemberTransferClosed;
import cn.smartunion.contracts.membership.MemberTransferRequested;
import cn.smartunion.contracts.membership.MemberTransferred;
import cn.smartunion.contracts.membership.MembershipReinstated;
import cn.smartunion.contracts.membership.MembershipRetained;
import cn.smartunion.contracts.membership.MembershipTerminated;
import cn.smartunion.membership.member.domain.Employment;
import cn.smartunion.membership.member.domain.EmploymentForm;
import cn.smartunion.membership.member.domain.Gender;
import cn.smartunion.membership.member.domain.Joining;
import cn.smartunion.membership.member.domain.Member;
import cn.smartunion.membership.member.domain.MemberStatus;
import cn.smartunion.membership.member.domain.Members;
import cn.smartunion.membership.member.domain.OrgRef;
import cn.smartunion.membership.member.domain.Person;
import cn.smartunion.membership.member.domain.Sealed;
import cn.smartunion.membership.member.domain.StatusChange;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.personaldata.ProtectedValue;
import cn.smartunion.runtime.scope.OrgScope;
import com.mongodb.client.result.UpdateResult;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoMembers implements Members {

    /** The contract events a member's outbox carries, by payload type. */
    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            MemberActivated.class, EventTypes.MEMBER_ACTIVATED,
            MembershipRetained.class, EventTypes.MEMBERSHIP_RETAINED,
            MembershipReinstated.class, EventTypes.MEMBERSHIP_REINSTATED,
            MembershipTerminated.class, EventTypes.MEMBERSHIP_TERMINATED,
            MemberGroupTagsChanged.class, EventTypes.MEMBER_GROUP_TAGS_CHANGED,
            MemberEmploymentChanged.class, EventTypes.MEMBER_EMPLOYMENT_CHANGED,
            MemberTransferRequested.class, EventTypes.MEMBER_TRANSFER_REQUESTED,
            MemberTransferred.class, EventTypes.MEMBER_TRANSFERRED,
            MemberTransferClosed.class, EventTypes.MEMBER_TRANSFER_CLOSED);

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
                .set("updatedAt", clock.instant())
                .inc("version", 1);
        setOrUnset(update, "mobilePhone", state.mobilePhone);
        setOrUnset(update, "employment", state.employment);
        setOrUnset(update, "campaignId", state.campaignId);
        setOrUnset(update, "applicationId", state.applicationId);
        setOrUnset(update, "enrolmentBatchId", state.enrolmentBatchId);
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
        Person person = member.person();
        d.legalName = stored(person.legalName());
        d.citizenIdNumber = stored(person.citizenIdNumber());
        d.mobilePhone = person.mobilePhone() == null ? null : stored(person.mobilePhone());
        d.gender = person.gender().name();
        d.birthDate = person.birthDate().toString();
        Employment employment = member.employment();
        if (employment != null) {
            d.employment = new MemberDocument.EmploymentPart();
            d.employment.employerName = employment.employerName();
            d.employment.employerCreditCode = employment.employerCreditCode();
            d.employment.employmentForm = employment.form().name();
            d.employment.platforms = new ArrayList<>(employment.platforms());
        }
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
    }

    private static ProtectedValue stored(Sealed value) {
        return new ProtectedValue(value.ciphertext(), value.blindIndex(), value.masked());
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
        return entry;
    }

    private static Member toDomain(MemberDocument d) {
        Person person = new Person(sealed(d.legalName), sealed(d.citizenIdNumber),
                d.mobilePhone == null ? null : sealed(d.mobilePhone), Gender.valueOf(d.gender),
                LocalDate.parse(d.birthDate));
        Employment employment = d.employment == null ? null : new Employment(d.employment.employerName,
                d.employment.employerCreditCode, EmploymentForm.valueOf(d.employment.employmentForm),
                d.employment.platforms);
        List<StatusChange> history = d.history == null ? List.of() : d.history.stream().map(h -> new StatusChange(
                h.from == null ? null : MemberStatus.valueOf(h.from), MemberStatus.valueOf(h.to), h.orgId, h.orgPath,
                LocalDate.parse(h.effectiveOn), h.recordedAt, ActorKind.valueOf(h.actorKind), h.actorSubject,
                h.reasonCode)).toList();
        return Member.restore(d.id, person, new OrgRef(d.orgId, d.orgPath), employment, d.groupTags,
                new Joining(JoinChannel.valueOf(d.joinChannel), d.campaignId, d.applicationId, d.enrolmentBatchId),
                MemberStatus.valueOf(d.status), LocalDate.parse(d.joinedOn), LocalDate.parse(d.firstJoinedOn),
                d.activatedAt, d.accountSubject, history, d.version);
    }

    private static Sealed sealed(ProtectedValue value) {
        return new Sealed(value.ciphertext(), value.blindIndex(), value.masked());
    }

    private static MemberSummary summary(org.bson.Document d) {
        return new MemberSummary(d.getString("_id"), masked(d, "legalName"), masked(d, "citizenIdNumber"),
                masked(d, "mobilePhone"), d.getString("gender") == null ? null : Gender.valueOf(d.getString("gender")),
                d.getString("orgId"), d.getString("orgPath"), MemberStatus.valueOf(d.getString("status")),
                d.getList("groupTags", String.class, List.of()),
                d.getString("joinedOn") == null ? null : LocalDate.parse(d.getString("joinedOn")));
    }

    private static String masked(org.bson.Document d, String field) {
        org.bson.Document value = d.get(field, org.bson.Document.class);
        return value == null ? null : value.getString("masked");
    }
}
