package cn.smartunion.aid.disbursement.adapter.out.mongo;

import cn.smartunion.aid.budget.domain.LedgerTotals;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.runtime.rescope.RescopeTarget;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

@Repository
class MongoLedgerTotals implements LedgerTotals {

    private final MongoTemplate mongo;

    MongoLedgerTotals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Long> paidFenByLine(Collection<String> budgetLineIds) {
        Map<String, Long> totals = new HashMap<>();
        if (budgetLineIds.isEmpty()) {
            return totals;
        }
        Aggregation sums = Aggregation.newAggregation(
                Aggregation.match(where("budgetLineId").in(budgetLineIds).and("status").is("POSTED")),
                Aggregation.group("budgetLineId").sum("amountFen").as("paidFen"));
        for (Document row : mongo.aggregate(sums, Disbursements.COLLECTION, Document.class)) {
            totals.put(row.getString("_id"), row.get("paidFen", Number.class).longValue());
        }
        return totals;
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget disbursementsRescopeTarget() {
            return RescopeTarget.ownedRecords(Disbursements.COLLECTION, "orgPath", "version");
        }
    }
}
