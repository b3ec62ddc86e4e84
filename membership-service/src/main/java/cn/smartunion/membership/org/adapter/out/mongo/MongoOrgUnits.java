package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.membership.org.domain.CoveredUnit;
import cn.smartunion.membership.org.domain.Dissolution;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgProfile;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.membership.org.domain.UnitOwnership;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.SubtreeRescoper;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoOrgUnits implements OrgUnits {

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final SubtreeRescoper rescoper;

    MongoOrgUnits(MongoTemplate mongo, OutboxEvents outboxEvents, SubtreeRescoper rescoper) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.rescoper = rescoper;
    }

    @Override
    public void add(OrgUnit.Registered registration) {
        OrgUnit unit = registration.unit();
        OrgUnitDocument document = new OrgUnitDocument();
        document.id = unit.id();
        document.code = unit.code();
        document.name = unit.name();
        document.orgType = unit.type().name();
        document.parentId = unit.parentId();
        document.path = unit.path().value();
        document.divisionCode = unit.divisionCode();
        OrgProfile profile = unit.profile();
        document.industryCodes = profile.industryCodes();
        document.coveredUnits = coveredUnits(profile);
        document.ownership = profile.ownership() == null ? null : profile.ownership().name();
        document.employeeCount = profile.employeeCount();
        document.foundedOn = text(profile.foundedOn());
        document.endsOn = text(profile.endsOn());
        document.registeredAt = unit.registeredAt();
        document.outbox.add(outboxEvents.create(EventTypes.ORG_REGISTERED, unit.id(), unit.path().value(),
                registration.event()));
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException e) {
            throw new DuplicateOrgPath(unit.path());
        }
    }

    @Override
    public void save(OrgUnit.Updated update) {
        OrgUnit unit = update.unit();
        OrgProfile profile = unit.profile();
        Update change = new Update()
                .set("name", unit.name())
                .set("industryCodes", profile.industryCodes())
                .set("coveredUnits", coveredUnits(profile))
                .set("ownership", profile.ownership() == null ? null : profile.ownership().name())
                .set("employeeCount", profile.employeeCount())
                .set("foundedOn", text(profile.foundedOn()))
                .set("endsOn", text(profile.endsOn()))
                .set("updatedAt", unit.updatedAt());
        write(update.before(), change, unit, outboxEvents.create(EventTypes.ORG_UPDATED, unit.id(),
                unit.path().value(), update.event()), null);
    }

    @Override
    public void save(OrgUnit.Moved move) {
        OrgUnit unit = move.unit();
        Update change = new Update().set("path", unit.path().value()).set("parentId", unit.parentId());
        SubtreeRescoper.markPending(change, move.before().path().value(), unit.path().value(),
                move.event().movedAt());
        try {
            write(move.before(), change, unit, outboxEvents.create(EventTypes.ORG_MOVED, unit.id(),
                    unit.path().value(), move.event()), where(SubtreeRescoper.MARKER).exists(false));
        } catch (DuplicateKeyException e) {
            throw new DuplicateOrgPath(unit.path());
        }
    }

    @Override
    public void save(OrgUnit.Dissolved dissolution, long childrenRevision) {
        OrgUnit unit = dissolution.unit();
        Dissolution how = unit.dissolution();
        Update change = new Update()
                .set("dissolved", true)
                .set("dissolutionReason", how.reasonCode())
                .set("dissolvedOn", text(how.effectiveOn()))
                .set("dissolvedAt", how.recordedAt())
                .set("updatedAt", unit.updatedAt());
        Criteria unchangedBelow = childrenRevision == 0
                ? new Criteria().orOperator(where("childrenRevision").is(0L), where("childrenRevision").exists(false))
                : where("childrenRevision").is(childrenRevision);
        write(dissolution.before(), change, unit, outboxEvents.create(EventTypes.ORG_DISSOLVED, unit.id(),
                unit.path().value(), dissolution.event()),
                new Criteria().andOperator(unchangedBelow, where(SubtreeRescoper.MARKER).exists(false)));
    }

    /** One conditional write: the change, the new revision and the event, only if the unit is still as read. */
    private void write(OrgUnit before, Update change, OrgUnit after, OutboxEvent event, Criteria alsoRequired) {
        Query unchanged = Query.query(where("_id").is(before.id()).and("version").is(before.version()));
        if (alsoRequired != null) {
            unchanged.addCriteria(alsoRequired);
        }
        change.set("version", after.version()).push(OutboxEvent.FIELD, event);
        if (mongo.updateFirst(unchanged, change, OrgUnitDocument.class).getMatchedCount() == 0) {
            throw new StaleOrgUnit(before.id());
        }
    }

    @Override
    public void finishReorganisation(String id) {
        rescoper.finishPending(OrgStorage.ORGS_BELOW, id);
    }

    @Override
    public boolean reorganising(OrgPath path, boolean orBelow) {
        for (Document marked : rescoper.pending(OrgUnitDocument.COLLECTION)) {
            Document marker = marked.get(SubtreeRescoper.MARKER, Document.class);
            for (String end : List.of(marker.getString("from"), marker.getString("to"))) {
                OrgPath moving = new OrgPath(end);
                if (path.isWithin(moving) || (orBelow && moving.isWithin(path))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Optional<OrgPath> notePlacedUnder(String parentId) {
        Query active = Query.query(where("_id").is(parentId).and("dissolved").ne(true));
        active.fields().include("path");
        // by collection name: through the mapped class Spring Data would also bump the revision (the ETag)
        Document parent = mongo.findAndModify(active, new Update().inc("childrenRevision", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, OrgUnitDocument.COLLECTION);
        return Optional.ofNullable(parent).map(p -> new OrgPath(p.getString("path")));
    }

    @Override
    public long childrenRevision(String id) {
        Query byId = Query.query(where("_id").is(id));
        byId.fields().include("childrenRevision");
        OrgUnitDocument document = mongo.findOne(byId, OrgUnitDocument.class);
        return document == null ? 0 : document.childrenRevision;
    }

    @Override
    public long countActiveUnitsUnder(String id) {
        return mongo.count(Query.query(where("parentId").is(id).and("dissolved").ne(true)), OrgUnitDocument.class);
    }

    @Override
    public Optional<OrgUnit> findByPath(OrgPath path) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("path").is(path.value())), OrgUnitDocument.class))
                .map(MongoOrgUnits::toDomain);
    }

    @Override
    public Optional<OrgUnit> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, OrgUnitDocument.class)).map(MongoOrgUnits::toDomain);
    }

    @Override
    public Optional<OrgUnit> findWithin(String id, OrgPath scope) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("path", scope.value()));
        return Optional.ofNullable(mongo.findOne(query, OrgUnitDocument.class)).map(MongoOrgUnits::toDomain);
    }

    @Override
    public PageOf<OrgUnit> listWithin(OrgPath subtree, ListFilter filter, int page, int size) {
        Query query = new Query(OrgScope.subtree("path", subtree.value()));
        if (!filter.types().isEmpty()) {
            query.addCriteria(where("orgType").in(filter.types().stream().map(Enum::name).toList()));
        }
        if (!filter.includeDissolved()) {
            query.addCriteria(where("dissolved").ne(true));
        }
        long total = mongo.count(query, OrgUnitDocument.class);
        query.with(Sort.by("path")).skip((long) page * size).limit(size);
        query.fields().exclude(OutboxEvent.FIELD);
        var items = mongo.find(query, OrgUnitDocument.class).stream().map(MongoOrgUnits::toDomain).toList();
        return new PageOf<>(items, page, size, total);
    }

    private static List<OrgUnitDocument.CoveredUnitDocument> coveredUnits(OrgProfile profile) {
        return profile.coveredUnits().stream()
                .map(u -> new OrgUnitDocument.CoveredUnitDocument(u.name(), u.creditCode())).toList();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static OrgUnit toDomain(OrgUnitDocument d) {
        OrgProfile profile = new OrgProfile(d.industryCodes,
                d.coveredUnits == null ? List.of()
                        : d.coveredUnits.stream().map(u -> new CoveredUnit(u.name(), u.creditCode())).toList(),
                d.ownership == null ? null : UnitOwnership.valueOf(d.ownership), d.employeeCount,
                date(d.foundedOn), date(d.endsOn));
        Dissolution dissolution = d.dissolved
                ? new Dissolution(d.dissolutionReason, date(d.dissolvedOn), d.dissolvedAt) : null;
        return OrgUnit.restore(d.id, d.code, d.name, OrgType.valueOf(d.orgType), d.parentId, new OrgPath(d.path),
                d.divisionCode, profile, d.registeredAt, d.updatedAt, dissolution, d.version == null ? 0 : d.version);
    }
}
