package cn.smartunion.rights.bargaining.adapter.out.mongo;

import cn.smartunion.contracts.EventType;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.rights.CollectiveBargainingOfferIssued;
import cn.smartunion.contracts.rights.CollectiveContractExpired;
import cn.smartunion.contracts.rights.CollectiveContractRenewed;
import cn.smartunion.contracts.rights.CollectiveContractSigned;
import cn.smartunion.contracts.rights.ContractType;
import cn.smartunion.rights.bargaining.domain.CollectiveContract;
import cn.smartunion.rights.bargaining.domain.CollectiveContracts;
import cn.smartunion.rights.bargaining.domain.ContractStatus;
import cn.smartunion.rights.bargaining.domain.CoveredUnit;
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
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code collective_contracts}. Dates are stored as ISO strings, which compare in date order; {@code unitsCovered}
 * is kept beside the units so coverage totals need not read them.
 */
@Repository
class MongoCollectiveContracts implements CollectiveContracts {

    static final String COLLECTION = "collective_contracts";

    private static final Map<Class<?>, EventType> EVENT_TYPES = Map.of(
            CollectiveBargainingOfferIssued.class, EventTypes.BARGAINING_OFFER_ISSUED,
            CollectiveContractSigned.class, EventTypes.COLLECTIVE_CONTRACT_SIGNED,
            CollectiveContractExpired.class, EventTypes.COLLECTIVE_CONTRACT_EXPIRED,
            CollectiveContractRenewed.class, EventTypes.COLLECTIVE_CONTRACT_RENEWED);

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private final Clock clock;
    private volatile boolean indexed;

    MongoCollectiveContracts(MongoTemplate mongo, OutboxEvents outboxEvents, Clock clock) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
        this.clock = clock;
    }

    @Override
    public void add(CollectiveContract contract, Object offerEvent) {
        ensureIndexes();
        Document d = new Document("_id", contract.id())
                .append("orgId", contract.orgId())
                .append("orgPath", contract.orgPath())
                .append("contractType", contract.contractType().name())
                .append("units", contract.units().stream()
                        .map(u -> new Document("creditCode", u.creditCode()).append("name", u.name())).toList())
                .append("unitsCovered", contract.units().size())
                .append("workersCovered", contract.workersCovered())
                .append("offerCampaign", contract.offerCampaign())
                .append("offeredOn", contract.offeredOn().toString())
                .append("createdBy", contract.createdBy())
                .append("createdAt", Date.from(contract.createdAt()))
                .append("status", contract.status().name())
                .append("version", 0L)
                .append(OutboxEvent.FIELD, List.of(outboxDocument(contract, offerEvent)));
        mongo.insert(d, COLLECTION);
    }

    @Override
    public void update(CollectiveContract contract, Object event) {
        Update update = new Update().set("status", contract.status().name())
                .set("updatedAt", Date.from(clock.instant())).inc("version", 1);
        var c = contract.congress();
        if (c != null) {
            update.set("congress", new Document("approvedOn", c.approvedOn().toString())
                    .append("votesFor", c.votesFor()).append("votesTotal", c.votesTotal()));
        }
        var t = contract.term();
        if (t != null) {
            update.set("signedOn", t.signedOn().toString()).set("effectiveFrom", t.effectiveFrom().toString())
                    .set("effectiveTo", t.effectiveTo().toString());
        }
        var f = contract.filing();
        if (f != null) {
            update.set("filing", new Document("filedOn", f.filedOn().toString())
                    .append("filingReference", f.filingReference()));
        }
        if (contract.renewalContractId() != null) {
            update.set("renewalContractId", contract.renewalContractId());
        }
        if (event != null) {
            update.push(OutboxEvent.FIELD, outboxDocument(contract, event));
        }
        Query current = Query.query(where("_id").is(contract.id()).and("version").is(contract.version()));
        if (mongo.updateFirst(current, update, COLLECTION).getModifiedCount() == 0) {
            throw new ConcurrentChange(contract.id());
        }
    }

    @Override
    public Optional<CollectiveContract> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION))
                .map(MongoCollectiveContracts::toDomain);
    }

    @Override
    public Optional<CollectiveContract> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
                .map(MongoCollectiveContracts::toDomain);
    }

    @Override
    public List<CollectiveContract> listWithin(String scopePath, Filter filter, int page, int size) {
        Query query = filtered(scopePath, filter)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        query.fields().exclude("units", OutboxEvent.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCollectiveContracts::toDomain).toList();
    }

    @Override
    public long countWithin(String scopePath, Filter filter) {
        return mongo.count(filtered(scopePath, filter), COLLECTION);
    }

    @Override
    public List<CollectiveContract> dueForChange(LocalDate today, int limit) {
        String day = today.toString();
        Query query = Query.query(new Criteria().orOperator(
                where("status").in(ContractStatus.FILED.name(), ContractStatus.IN_FORCE.name())
                        .and("effectiveTo").lt(day),
                where("status").is(ContractStatus.FILED.name()).and("effectiveFrom").lte(day)))
                .limit(limit);
        query.fields().exclude("units", OutboxEvent.FIELD);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCollectiveContracts::toDomain).toList();
    }

    @Override
    public Coverage coverageInForce(String scopePath) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath))
                .addCriteria(where("status").is(ContractStatus.IN_FORCE.name()));
        query.fields().include("unitsCovered", "workersCovered");
        long contracts = 0;
        long units = 0;
        long workers = 0;
        for (Document d : mongo.find(query, Document.class, COLLECTION)) {
            contracts++;
            units += number(d, "unitsCovered");
            workers += number(d, "workersCovered");
        }
        return new Coverage(contracts, units, workers);
    }

    private static Query filtered(String scopePath, Filter filter) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (filter.contractType() != null) {
            query.addCriteria(where("contractType").is(filter.contractType().name()));
        }
        if (filter.status() != null) {
            query.addCriteria(where("status").is(filter.status().name()));
        }
        return query;
    }

    private Document outboxDocument(CollectiveContract contract, Object event) {
        EventType type = EVENT_TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("not a bargaining event: " + event.getClass().getSimpleName());
        }
        return OutboxEvents.document(outboxEvents.create(type, contract.id(), contract.orgPath(), event));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC)
                    .on("createdAt", Sort.Direction.DESC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC)
                    .on("effectiveTo", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static CollectiveContract toDomain(Document d) {
        List<Document> units = d.getList("units", Document.class);
        Document c = d.get("congress", Document.class);
        Document f = d.get("filing", Document.class);
        String signedOn = d.getString("signedOn");
        return new CollectiveContract(d.getString("_id"), d.getString("orgId"), d.getString("orgPath"),
                ContractType.valueOf(d.getString("contractType")),
                units == null ? List.of() : units.stream()
                        .map(u -> new CoveredUnit(u.getString("creditCode"), u.getString("name"))).toList(),
                (int) number(d, "unitsCovered"), (int) number(d, "workersCovered"), d.getString("offerCampaign"),
                LocalDate.parse(d.getString("offeredOn")), d.getString("createdBy"),
                d.getDate("createdAt").toInstant(), ContractStatus.valueOf(d.getString("status")),
                c == null ? null : new CollectiveContract.Congress(LocalDate.parse(c.getString("approvedOn")),
                        (int) number(c, "votesFor"), (int) number(c, "votesTotal")),
                signedOn == null ? null : new CollectiveContract.Term(LocalDate.parse(signedOn),
                        LocalDate.parse(d.getString("effectiveFrom")), LocalDate.parse(d.getString("effectiveTo"))),
                f == null ? null : new CollectiveContract.Filing(LocalDate.parse(f.getString("filedOn")),
                        f.getString("filingReference")),
                d.getString("renewalContractId"), number(d, "version"));
    }

    private static long number(Document d, String field) {
        Number n = d == null ? null : d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget collectiveContractsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
