package cn.smartunion.membership.org.adapter.out.mongo;

import cn.smartunion.contracts.EventTypes;
import cn.smartunion.membership.org.domain.OrgPath;
import cn.smartunion.membership.org.domain.OrgType;
import cn.smartunion.membership.org.domain.OrgUnit;
import cn.smartunion.membership.org.domain.OrgUnits;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoOrgUnits implements OrgUnits {

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;

    MongoOrgUnits(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
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
    public Optional<OrgUnit> findByPath(OrgPath path) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("path").is(path.value())), OrgUnitDocument.class))
                .map(MongoOrgUnits::toDomain);
    }

    @Override
    public Optional<OrgUnit> findWithin(String id, OrgPath scope) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("path", scope.value()));
        return Optional.ofNullable(mongo.findOne(query, OrgUnitDocument.class)).map(MongoOrgUnits::toDomain);
    }

    @Override
    public PageOf<OrgUnit> listWithin(OrgPath scope, int page, int size) {
        Query query = new Query(OrgScope.subtree("path", scope.value()));
        long total = mongo.count(query, OrgUnitDocument.class);
        query.with(Sort.by("path")).skip((long) page * size).limit(size);
        var items = mongo.find(query, OrgUnitDocument.class).stream().map(MongoOrgUnits::toDomain).toList();
        return new PageOf<>(items, page, size, total);
    }

    private static OrgUnit toDomain(OrgUnitDocument d) {
        return OrgUnit.restore(d.id, d.code, d.name, OrgType.valueOf(d.orgType), d.parentId, new OrgPath(d.path),
                d.divisionCode, d.registeredAt);
    }
}
