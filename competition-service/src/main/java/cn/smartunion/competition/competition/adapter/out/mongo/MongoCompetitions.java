package cn.smartunion.competition.competition.adapter.out.mongo;

import cn.smartunion.competition.competition.domain.Competition;
import cn.smartunion.competition.competition.domain.CompetitionDetails;
import cn.smartunion.competition.competition.domain.CompetitionStatus;
import cn.smartunion.competition.competition.domain.Competitions;
import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.competition.CoOrganiserKind;
import cn.smartunion.contracts.competition.CompetitionCancelled;
import cn.smartunion.contracts.competition.CompetitionClass;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionPublished;
import cn.smartunion.contracts.competition.CompetitionType;
import cn.smartunion.contracts.competition.EntrantType;
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

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code competitions}: one document per competition in the shape the judging feature reads ({@code orgId, orgPath,
 * status, name, brand, type, level, competitionClass, trades, stages[{code, name, order}]}), plus the registration
 * rules, the per-union quota counters ({@code quotaUsed.<orgId>}, counted with {@code $inc}) and the outbox.
 */
@Repository
class MongoCompetitions implements Competitions {

    static final String COLLECTION = "competitions";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoCompetitions(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(Competition competition) {
        ensureIndexes();
        Document d = new Document("_id", competition.id())
                .append("orgId", competition.orgId())
                .append("orgPath", competition.orgPath())
                .append("status", competition.status().name())
                .append("createdBy", competition.createdBy())
                .append("createdAt", Date.from(competition.createdAt()))
                .append("version", 0L)
                .append(OutboxEvent.FIELD, List.of());
        details(competition.details()).forEach(d::append);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(Competition competition, Object event) {
        Update update = new Update().set("status", competition.status().name())
                .set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        details(competition.details()).forEach(update::set);
        if (competition.publishedAt() != null) {
            update.set("publishedAt", Date.from(competition.publishedAt()));
        }
        if (event != null) {
            EventType type = event instanceof CompetitionPublished ? EventTypes.COMPETITION_PUBLISHED
                    : event instanceof CompetitionCancelled ? EventTypes.COMPETITION_CANCELLED : null;
            if (type == null) {
                throw new IllegalArgumentException("not a competition event: " + event.getClass().getSimpleName());
            }
            update.push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(type, competition.id(),
                    competition.orgPath(), event)));
        }
        Query current = Query.query(where("_id").is(competition.id()).and("version").is(competition.version()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(competition.id());
        }
    }

    @Override
    public Optional<Competition> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoCompetitions::toDomain);
    }

    @Override
    public boolean takeQuota(String competitionId, String orgId, int quota) {
        String counter = quotaField(orgId);
        Query underQuota = Query.query(where("_id").is(competitionId))
                .addCriteria(new Criteria().orOperator(where(counter).exists(false), where(counter).lt(quota)));
        return mongo.updateFirst(underQuota, new Update().inc(counter, 1), COLLECTION).getModifiedCount() == 1;
    }

    @Override
    public void releaseQuota(String competitionId, String orgId) {
        String counter = quotaField(orgId);
        mongo.updateFirst(Query.query(where("_id").is(competitionId).and(counter).gt(0)),
                new Update().inc(counter, -1), COLLECTION);
    }

    private static String quotaField(String orgId) {
        return "quotaUsed." + orgId.replace('.', '_').replace('$', '_');
    }

    @Override
    public List<Competition> list(Filter filter, int page, int size) {
        Query query = filtered(filter).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCompetitions::toDomain).toList();
    }

    @Override
    public long count(Filter filter) {
        return mongo.count(filtered(filter), COLLECTION);
    }

    private static Query filtered(Filter filter) {
        List<Criteria> all = new ArrayList<>();
        Criteria published = where("publishedAt").ne(null);
        all.add(filter.staffScope() == null ? published
                : new Criteria().orOperator(OrgScope.subtree("orgPath", filter.staffScope()), published));
        if (filter.status() != null) {
            all.add(where("status").is(filter.status().name()));
        }
        if (filter.type() != null) {
            all.add(where("type").is(filter.type().name()));
        }
        if (filter.level() != null) {
            all.add(where("level").is(filter.level().name()));
        }
        if (filter.brand() != null) {
            all.add(where("brand").is(filter.brand()));
        }
        if (filter.trade() != null) {
            all.add(where("trades").is(filter.trade()));
        }
        if (filter.withinOrgPath() != null) {
            all.add(OrgScope.subtree("orgPath", filter.withinOrgPath()));
        }
        if (filter.openAt() != null) {
            Date now = Date.from(filter.openAt());
            all.add(where("status").is(CompetitionStatus.PUBLISHED.name()));
            all.add(where("registration.opensAt").lte(now));
            all.add(where("registration.closesAt").gt(now));
        }
        return new Query(new Criteria().andOperator(all));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("createdAt", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("registration.closesAt", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("trades", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Document details(CompetitionDetails d) {
        CompetitionDetails.Eligibility e = d.eligibility();
        List<Document> stages = d.stages().stream().map(s -> new Document("code", s.code()).append("name", s.name())
                .append("order", s.order())).toList();
        return new Document("name", d.name())
                .append("brand", d.brand())
                .append("type", d.type().name())
                .append("level", d.level().name())
                .append("competitionClass", d.competitionClass().name())
                .append("coOrganisers", d.coOrganisers().stream().map(c -> new Document("kind", c.kind().name())
                        .append("name", c.name())).toList())
                .append("trades", d.trades())
                .append("entrantTypes", d.entrantTypes().stream().map(Enum::name).toList())
                .append("teamSize", d.teamSize() == null ? null
                        : new Document("min", d.teamSize().min()).append("max", d.teamSize().max()))
                .append("eligibility", new Document("membersOnly", e.membersOnly()).append("groupTags", e.groupTags())
                        .append("minAge", e.minAge()).append("maxAge", e.maxAge()))
                .append("registration", new Document("opensAt", Date.from(d.window().opensAt()))
                        .append("closesAt", Date.from(d.window().closesAt())))
                .append("stages", stages)
                .append("campaignId", d.campaignId())
                .append("quotaPerUnion", d.quotaPerUnion());
    }

    static Competition toDomain(Document d) {
        Document e = d.get("eligibility", Document.class);
        Document w = d.get("registration", Document.class);
        Document t = d.get("teamSize", Document.class);
        CompetitionDetails details = new CompetitionDetails(d.getString("name"), d.getString("brand"),
                CompetitionType.valueOf(d.getString("type")), CompetitionLevel.valueOf(d.getString("level")),
                CompetitionClass.valueOf(d.getString("competitionClass")),
                d.getList("coOrganisers", Document.class, List.of()).stream().map(c -> new CompetitionDetails
                        .CoOrganiser(CoOrganiserKind.valueOf(c.getString("kind")), c.getString("name"))).toList(),
                d.getList("trades", String.class, List.of()),
                d.getList("entrantTypes", String.class, List.of()).stream().map(EntrantType::valueOf).toList(),
                t == null ? null : new CompetitionDetails.TeamSize(t.getInteger("min"), t.getInteger("max")),
                new CompetitionDetails.Eligibility(Boolean.TRUE.equals(e.getBoolean("membersOnly")),
                        e.getList("groupTags", String.class, List.of()), e.getInteger("minAge"),
                        e.getInteger("maxAge")),
                new CompetitionDetails.Window(w.getDate("opensAt").toInstant(), w.getDate("closesAt").toInstant()),
                d.getList("stages", Document.class, List.of()).stream().map(s -> new CompetitionDetails.Stage(
                        s.getString("code"), s.getString("name"), s.getInteger("order"))).toList(),
                d.getString("campaignId"), d.getInteger("quotaPerUnion"));
        Number version = d.get("version", Number.class);
        Date publishedAt = d.getDate("publishedAt");
        return new Competition(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"), details,
                CompetitionStatus.valueOf(d.getString("status")), d.getString("createdBy"),
                d.getDate("createdAt").toInstant(), publishedAt == null ? null : publishedAt.toInstant(),
                version == null ? 0L : version.longValue());
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget competitionsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
