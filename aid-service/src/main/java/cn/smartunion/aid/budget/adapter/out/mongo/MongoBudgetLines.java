package cn.smartunion.aid.budget.adapter.out.mongo;

import cn.smartunion.aid.budget.domain.BudgetLine;
import cn.smartunion.aid.budget.domain.BudgetLines;
import cn.smartunion.contracts.aid.FundingSource;
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

import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code budget_lines}. Every change is one {@code updateFirst} whose filter holds the condition (enough available,
 * not applied before) and whose update moves the counters with {@code $inc} and records the change id in a bounded
 * list: concurrent approvals are serialised by the document, none can take the line below zero, and a retried change
 * is recognised. The lists keep the last {@value #REMEMBERED} ids of each kind, far more than can be in flight.
 */
@Repository
class MongoBudgetLines implements BudgetLines {

    static final String COLLECTION = "budget_lines";
    private static final int REMEMBERED = 2000;

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoBudgetLines(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void add(BudgetLine line) {
        ensureIndexes();
        Document d = new Document("_id", line.id())
                .append("programmeCode", line.programmeCode())
                .append("orgId", line.orgId())
                .append("orgPath", line.orgPath())
                .append("cycle", line.cycle())
                .append("fundingSource", line.fundingSource().name())
                .append("title", line.title())
                .append("allocatedFen", line.allocatedFen())
                .append("committedFen", 0L)
                .append("paidFen", 0L)
                .append("availableFen", line.allocatedFen())
                .append("unpaidFen", 0L)
                .append("createdBy", line.createdBy())
                .append("createdAt", Date.from(line.createdAt()))
                .append("version", 0L);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public Optional<BudgetLine> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoBudgetLines::toLine);
    }

    @Override
    public Optional<BudgetLine> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoBudgetLines::toLine);
    }

    @Override
    public List<BudgetLine> listWithin(String scopePath, String programmeCode, String cycle, int page, int size) {
        Query query = filter(scopePath, programmeCode, cycle)
                .with(Sort.by("cycle", "programmeCode", "orgPath", "_id")).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoBudgetLines::toLine).toList();
    }

    @Override
    public long countWithin(String scopePath, String programmeCode, String cycle) {
        return mongo.count(filter(scopePath, programmeCode, cycle), COLLECTION);
    }

    @Override
    public boolean allocate(String id, String allocationId, long amountFen) {
        Query query = Query.query(where("_id").is(id).and("allocations").ne(allocationId));
        Update update = new Update().inc("allocatedFen", amountFen).inc("availableFen", amountFen)
                .inc("version", 1);
        update.push("allocations").slice(-REMEMBERED).each(allocationId);
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public boolean commit(String id, String commitmentId, long amountFen) {
        Query query = Query.query(where("_id").is(id).and("availableFen").gte(amountFen)
                .and("commitments").ne(commitmentId));
        Update update = new Update().inc("availableFen", -amountFen).inc("committedFen", amountFen)
                .inc("unpaidFen", amountFen).inc("version", 1);
        update.push("commitments").slice(-REMEMBERED).each(commitmentId);
        if (mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0) {
            return true;
        }
        return recorded(id, "commitments", commitmentId);
    }

    @Override
    public void release(String id, String releaseId, long amountFen) {
        Query query = Query.query(where("_id").is(id).and("releases").ne(releaseId)
                .and("unpaidFen").gte(amountFen));
        Update update = new Update().inc("availableFen", amountFen).inc("committedFen", -amountFen)
                .inc("unpaidFen", -amountFen).inc("version", 1);
        update.push("releases").slice(-REMEMBERED).each(releaseId);
        mongo.updateFirst(query, update, COLLECTION);
    }

    @Override
    public boolean pay(String id, String paymentId, long amountFen) {
        Query query = Query.query(where("_id").is(id).and("unpaidFen").gte(amountFen).and("payments").ne(paymentId));
        Update update = new Update().inc("paidFen", amountFen).inc("unpaidFen", -amountFen).inc("version", 1);
        update.push("payments").slice(-REMEMBERED).each(paymentId);
        if (mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0) {
            return true;
        }
        return recorded(id, "payments", paymentId);
    }

    private boolean recorded(String id, String list, String changeId) {
        return mongo.exists(Query.query(where("_id").is(id).and(list).is(changeId)), COLLECTION);
    }

    private static Query filter(String scopePath, String programmeCode, String cycle) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (programmeCode != null) {
            query.addCriteria(where("programmeCode").is(programmeCode));
        }
        if (cycle != null) {
            query.addCriteria(where("cycle").is(cycle));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static BudgetLine toLine(Document d) {
        return new BudgetLine(d.getString("_id"), d.getString("programmeCode"), d.getString("orgId"),
                d.getString("orgPath"), d.getString("cycle"), FundingSource.valueOf(d.getString("fundingSource")),
                d.getString("title"), number(d, "allocatedFen"), number(d, "committedFen"), number(d, "paidFen"),
                number(d, "availableFen"), d.getString("createdBy"), d.getDate("createdAt").toInstant());
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget budgetLinesRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }
    }
}
