package cn.smartunion.competition.registration.adapter.out.mongo;

import cn.smartunion.competition.registration.domain.Entries;
import cn.smartunion.competition.registration.domain.Entry;
import cn.smartunion.competition.registration.domain.EntryStatus;
import cn.smartunion.competition.registration.domain.Participant;
import cn.smartunion.competition.registration.domain.RegisteredBy;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.DisqualificationReason;
import cn.smartunion.contracts.competition.EntrantAdvanced;
import cn.smartunion.contracts.competition.EntrantRegistered;
import cn.smartunion.contracts.competition.EntrantType;
import cn.smartunion.contracts.competition.EntryDisqualified;
import cn.smartunion.contracts.competition.EntryWithdrawn;
import cn.smartunion.contracts.competition.RegistrarKind;
import cn.smartunion.contracts.competition.TeamRosterChanged;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code entries}: one document per entry in the shape the judging feature reads ({@code competitionId, orgId, orgPath,
 * entrantType, trade, status, stages, participants[{personId, memberId, orgId, employerCreditCode, captain}],
 * unitCreditCode}), with masked names only. Two unique indexes make registration safe without transactions:
 * {@code registrationKeys} (multikey, sparse: one place per person, competition and trade) and
 * {@code advancementKey} (sparse, {@code <target competitionId>|<source entryId>}: one advancement per source entry
 * and target).
 */
@Repository
class MongoEntries implements Entries {

    static final String COLLECTION = "entries";
    static final String KEYS_INDEX = "registrationKeys";
    static final String ADVANCED_INDEX = "advancedFrom";
    static final String SUBTREE_INDEX = "orgPathNewestFirst";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoEntries(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(Entry entry, List<Object> events) {
        ensureIndexes();
        Entry.Details x = entry.details();
        Document d = new Document("_id", entry.id())
                .append("competitionId", entry.competitionId())
                .append("competitionOrgPath", entry.competitionOrgPath())
                .append("orgId", entry.orgId())
                .append("orgPath", entry.orgPath())
                .append("entrantType", entry.entrantType().name())
                .append("trade", entry.trade())
                .append("status", entry.status().name())
                .append("stages", entry.stages())
                .append("participants", participants(entry.participants()))
                .append("unitCreditCode", x.unitCreditCode())
                .append("unitName", x.unitName())
                .append("teamName", x.teamName())
                .append("projectTitle", x.projectTitle())
                .append("projectFieldCode", x.projectFieldCode())
                .append("registeredBy", new Document("kind", entry.registeredBy().kind().name())
                        .append("subject", entry.registeredBy().subject())
                        .append("orgPath", entry.registeredBy().orgPath()))
                .append("registeredAt", Date.from(entry.registeredAt()))
                .append("registrationKeys", entry.registrationKeys())
                .append("version", 0L)
                .append(OutboxEvent.FIELD, outbox(entry, events));
        if (entry.advancedFromEntryId() != null) {
            d.append("advancedFromEntryId", entry.advancedFromEntryId())
                    .append("advancementKey", advancementKey(entry.competitionId(), entry.advancedFromEntryId()));
        }
        try {
            mongo.insert(d, COLLECTION);
        } catch (DuplicateKeyException duplicate) {
            throw translate(duplicate);
        }
    }

    @Override
    public void update(Entry entry, List<Object> events) {
        Update update = new Update().set("status", entry.status().name())
                .set("participants", participants(entry.participants()))
                .set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        List<String> keys = entry.registrationKeys();
        if (keys.isEmpty()) {
            update.unset("registrationKeys");
        } else {
            update.set("registrationKeys", keys);
        }
        Entry.Ending ending = entry.ending();
        if (ending != null) {
            update.set("ending", new Document("withdrawnBy", ending.withdrawnBy() == null ? null
                    : ending.withdrawnBy().name())
                    .append("disqualification", ending.disqualification() == null ? null
                            : ending.disqualification().name())
                    .append("actor", ending.actor()).append("at", Date.from(ending.at())));
        }
        if (!events.isEmpty()) {
            update.push(OutboxEvent.FIELD).each(outbox(entry, events).toArray());
        }
        Query current = Query.query(where("_id").is(entry.id()).and("version").is(entry.version()));
        try {
            if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
                throw new ConcurrentChange(entry.id());
            }
        } catch (DuplicateKeyException duplicate) {
            throw translate(duplicate);
        }
    }

    @Override
    public Optional<Entry> find(String id) {
        return one(Query.query(where("_id").is(id)));
    }

    @Override
    public Optional<Entry> findWithin(String id, String scopePath) {
        return one(Query.query(where("_id").is(id)).addCriteria(new Criteria().orOperator(
                OrgScope.subtree("orgPath", scopePath), OrgScope.subtree("competitionOrgPath", scopePath))));
    }

    @Override
    public Optional<Entry> findOwn(String id, String accountSubject, String memberId) {
        return one(Query.query(where("_id").is(id)).addCriteria(own(accountSubject, memberId)));
    }

    @Override
    public Optional<Entry> findAdvanced(String competitionId, String fromEntryId) {
        return one(Query.query(where("advancementKey").is(advancementKey(competitionId, fromEntryId))));
    }

    /** One field, not a compound sparse index: a compound one would index every entry by its competitionId alone. */
    private static String advancementKey(String competitionId, String fromEntryId) {
        return competitionId + "|" + fromEntryId;
    }

    @Override
    public int firstTakenPlace(Entry entry) {
        List<String> keys = entry.registrationKeys();
        Query others = Query.query(where("registrationKeys").in(keys).and("_id").ne(entry.id()));
        others.fields().include("registrationKeys");
        List<String> taken = new ArrayList<>();
        for (Document d : mongo.find(others, Document.class, COLLECTION)) {
            taken.addAll(d.getList("registrationKeys", String.class, List.of()));
        }
        for (int i = 0; i < keys.size(); i++) {
            if (taken.contains(keys.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<Entry> list(Filter filter, int page, int size) {
        Query query = filtered(filter).with(Sort.by(Sort.Direction.DESC, "registeredAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoEntries::toDomain).toList();
    }

    @Override
    public long count(Filter filter) {
        return mongo.count(filtered(filter), COLLECTION);
    }

    private static Query filtered(Filter filter) {
        List<Criteria> all = new ArrayList<>();
        if (filter.competitionId() != null) {
            all.add(where("competitionId").is(filter.competitionId()));
        }
        if (filter.status() != null) {
            all.add(where("status").is(filter.status().name()));
        }
        if (filter.trade() != null) {
            all.add(where("trade").is(filter.trade()));
        }
        if (filter.entrantType() != null) {
            all.add(where("entrantType").is(filter.entrantType().name()));
        }
        if (filter.withinOrgPath() != null) {
            all.add(OrgScope.subtree("orgPath", filter.withinOrgPath()));
        }
        if (filter.ownerSubject() != null) {
            all.add(own(filter.ownerSubject(), filter.ownerMemberId()));
        }
        return all.isEmpty() ? new Query() : new Query(new Criteria().andOperator(all));
    }

    private static Criteria own(String accountSubject, String memberId) {
        Criteria self = where("registeredBy.kind").is(RegistrarKind.SELF.name())
                .and("registeredBy.subject").is(accountSubject);
        return memberId == null ? self : new Criteria().orOperator(self, where("participants.memberId").is(memberId));
    }

    private Optional<Entry> one(Query query) {
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoEntries::toDomain);
    }

    private static RuntimeException translate(DuplicateKeyException duplicate) {
        String message = String.valueOf(duplicate.getMessage());
        if (message.contains(ADVANCED_INDEX)) {
            return new AlreadyAdvanced();
        }
        if (message.contains(KEYS_INDEX)) {
            return new AlreadyRegistered();
        }
        return duplicate;
    }

    private List<Document> outbox(Entry entry, List<Object> events) {
        List<Document> documents = new ArrayList<>();
        for (Object event : events) {
            EventType type;
            String subject = entry.id();
            if (event instanceof EntrantRegistered) {
                type = EventTypes.ENTRANT_REGISTERED;
            } else if (event instanceof EntrantAdvanced advanced) {
                type = EventTypes.ENTRANT_ADVANCED;
                subject = advanced.entryId();
            } else if (event instanceof TeamRosterChanged) {
                type = EventTypes.TEAM_ROSTER_CHANGED;
            } else if (event instanceof EntryWithdrawn) {
                type = EventTypes.ENTRY_WITHDRAWN;
            } else if (event instanceof EntryDisqualified) {
                type = EventTypes.ENTRY_DISQUALIFIED;
            } else {
                throw new IllegalArgumentException("not an entry event: " + event.getClass().getSimpleName());
            }
            documents.add(OutboxEvents.document(outboxEvents.create(type, subject, entry.orgPath(), event)));
        }
        return documents;
    }

    private static List<Document> participants(List<Participant> participants) {
        return participants.stream().map(p -> new Document("personId", p.personId())
                .append("memberId", p.memberId())
                .append("orgId", p.orgId())
                .append("employerCreditCode", p.employerCreditCode())
                .append("captain", p.captain())
                .append("maskedName", p.maskedName())
                .append("maskedIdNumber", p.maskedIdNumber())).toList();
    }

    private void ensureIndexes() {
        if (!indexed) {
            var ops = mongo.indexOps(COLLECTION);
            ops.createIndex(new Index().on("registrationKeys", Sort.Direction.ASC).unique().sparse()
                    .named(KEYS_INDEX));
            ops.createIndex(new Index().on("advancementKey", Sort.Direction.ASC).unique().sparse()
                    .named(ADVANCED_INDEX));
            ops.createIndex(new Index().on("competitionId", Sort.Direction.ASC).on("registeredAt", Sort.Direction.DESC));
            // the subtree lists (orgPath prefix, newest first); also serves every other orgPath query
            ops.createIndex(new Index().on("orgPath", Sort.Direction.ASC).on("registeredAt", Sort.Direction.DESC)
                    .named(SUBTREE_INDEX));
            ops.createIndex(new Index().on("participants.memberId", Sort.Direction.ASC));
            ops.createIndex(new Index().on("registeredBy.subject", Sort.Direction.ASC));
            indexed = true;
        }
    }

    static Entry toDomain(Document d) {
        Document by = d.get("registeredBy", Document.class);
        Document ending = d.get("ending", Document.class);
        Number version = d.get("version", Number.class);
        List<Participant> participants = d.getList("participants", Document.class, List.of()).stream()
                .map(p -> new Participant(p.getString("personId"), p.getString("memberId"), p.getString("orgId"),
                        p.getString("employerCreditCode"), Boolean.TRUE.equals(p.getBoolean("captain")),
                        p.getString("maskedName"), p.getString("maskedIdNumber"))).toList();
        return new Entry(d.getString("_id"), d.getString("competitionId"), d.getString("competitionOrgPath"),
                d.getString("orgId"), d.getString("orgPath"), EntrantType.valueOf(d.getString("entrantType")),
                d.getString("trade"), EntryStatus.valueOf(d.getString("status")),
                d.getList("stages", String.class, List.of()), participants,
                new Entry.Details(d.getString("teamName"), d.getString("unitCreditCode"), d.getString("unitName"),
                        d.getString("projectTitle"), d.getString("projectFieldCode")),
                new RegisteredBy(RegistrarKind.valueOf(by.getString("kind")), by.getString("subject"),
                        by.getString("orgPath")),
                d.getDate("registeredAt").toInstant(), d.getString("advancedFromEntryId"),
                ending == null ? null : new Entry.Ending(
                        ending.getString("withdrawnBy") == null ? null
                                : RegistrarKind.valueOf(ending.getString("withdrawnBy")),
                        ending.getString("disqualification") == null ? null
                                : DisqualificationReason.valueOf(ending.getString("disqualification")),
                        ending.getString("actor"), ending.getDate("at").toInstant()),
                version == null ? 0L : version.longValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        /** Entries follow their union when part of the tree moves. */
        @Bean
        RescopeTarget entriesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }

        /** ... and the organiser's path they are also read by. */
        @Bean
        RescopeTarget entriesCompetitionRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "competitionOrgPath", "version");
        }
    }
}
