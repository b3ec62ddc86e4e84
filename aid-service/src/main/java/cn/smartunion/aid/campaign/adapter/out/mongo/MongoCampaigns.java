package cn.smartunion.aid.campaign.adapter.out.mongo;

import cn.smartunion.aid.campaign.domain.Campaign;
import cn.smartunion.aid.campaign.domain.CampaignStatus;
import cn.smartunion.aid.campaign.domain.CampaignTotals;
import cn.smartunion.aid.campaign.domain.Campaigns;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.CampaignLaunched;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.rescope.RescopeTarget;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code campaigns}: a status change is one conditional update on the status it leaves, carrying its event in the
 * outbox. Totals are summed from the deliveries themselves, so they can never drift from what was recorded.
 */
@Repository
class MongoCampaigns implements Campaigns {

    static final String COLLECTION = "campaigns";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoCampaigns(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(Campaign c) {
        ensureIndexes();
        Document d = new Document("_id", c.id())
                .append("programmeCode", c.programmeCode())
                .append("orgId", c.orgId())
                .append("orgPath", c.orgPath())
                .append("cycle", c.cycle())
                .append("budgetLineId", c.budgetLineId())
                .append("title", c.title())
                .append("startsOn", c.startsOn().toString())
                .append("endsOn", c.endsOn().toString())
                .append("status", c.status().name())
                .append("budgetFen", c.budgetFen())
                .append("createdBy", c.createdBy())
                .append("createdAt", Date.from(c.createdAt()))
                .append(OutboxEvent.FIELD, List.of())
                .append("version", 0L);
        mongo.insert(d, COLLECTION);
    }

    @Override
    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoCampaigns::toCampaign);
    }

    @Override
    public Optional<Campaign> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoCampaigns::toCampaign);
    }

    @Override
    public List<Campaign> listWithin(String scopePath, String programmeCode, String cycle, CampaignStatus status,
                                     int page, int size) {
        Query query = filter(scopePath, programmeCode, cycle, status)
                .with(Sort.by(Sort.Direction.DESC, "startsOn").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoCampaigns::toCampaign).toList();
    }

    @Override
    public long countWithin(String scopePath, String programmeCode, String cycle, CampaignStatus status) {
        return mongo.count(filter(scopePath, programmeCode, cycle, status), COLLECTION);
    }

    @Override
    public boolean transition(Campaign changed, CampaignStatus from, CampaignLaunched event) {
        Query query = Query.query(where("_id").is(changed.id()).and("status").is(from.name()));
        Update update = new Update().set("status", changed.status().name()).set("budgetFen", changed.budgetFen())
                .inc("version", 1);
        if (changed.fundingSource() != null) {
            update.set("fundingSource", changed.fundingSource().name());
        }
        if (changed.launchedAt() != null) {
            update.set("launchedAt", Date.from(changed.launchedAt()));
        }
        if (changed.closedAt() != null) {
            update.set("closedAt", Date.from(changed.closedAt()));
        }
        if (event != null) {
            update.push(OutboxEvent.FIELD, OutboxEvents.document(outboxEvents.create(EventTypes.CAMPAIGN_LAUNCHED,
                    changed.id(), changed.orgPath(), event)));
        }
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() > 0;
    }

    @Override
    public CampaignTotals totals(String campaignId) {
        Aggregation sums = Aggregation.newAggregation(
                Aggregation.match(where("campaignId").is(campaignId)),
                Aggregation.group("campaignId").sum("personTimes").as("personTimes").sum("cashFen").as("cashFen")
                        .sum("inKindFen").as("inKindFen").count().as("deliveries").addToSet("siteId").as("sites"));
        Document result = mongo.aggregate(sums, MongoDeliveries.COLLECTION, Document.class).getUniqueMappedResult();
        if (result == null) {
            return CampaignTotals.NONE;
        }
        Collection<?> sites = result.get("sites", Collection.class);
        long sitesVisited = sites == null ? 0 : sites.stream().filter(Objects::nonNull).count();
        return new CampaignTotals(number(result, "personTimes"), number(result, "cashFen"),
                number(result, "inKindFen"), sitesVisited, number(result, "deliveries"));
    }

    private static Query filter(String scopePath, String programmeCode, String cycle, CampaignStatus status) {
        Query query = new Query(OrgScope.subtree("orgPath", scopePath));
        if (programmeCode != null) {
            query.addCriteria(where("programmeCode").is(programmeCode));
        }
        if (cycle != null) {
            query.addCriteria(where("cycle").is(cycle));
        }
        if (status != null) {
            query.addCriteria(where("status").is(status.name()));
        }
        return query;
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Campaign toCampaign(Document d) {
        String funding = d.getString("fundingSource");
        return new Campaign(d.getString("_id"), d.getString("programmeCode"), d.getString("orgId"),
                d.getString("orgPath"), d.getString("cycle"), d.getString("budgetLineId"), d.getString("title"),
                LocalDate.parse(d.getString("startsOn")), LocalDate.parse(d.getString("endsOn")),
                CampaignStatus.valueOf(d.getString("status")), number(d, "budgetFen"),
                funding == null ? null : FundingSource.valueOf(funding), d.getString("createdBy"),
                instant(d, "createdAt"), instant(d, "launchedAt"), instant(d, "closedAt"));
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }

    static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    @Configuration(proxyBeanMethods = false)
    static class Storage {

        @Bean
        RescopeTarget campaignsRescopeTarget() {
            return RescopeTarget.ownedRecords(COLLECTION, "orgPath", "version");
        }

        @Bean
        RescopeTarget condolenceDeliveriesRescopeTarget() {
            return RescopeTarget.ownedRecords(MongoDeliveries.COLLECTION, "orgPath", "version");
        }

        @Bean
        RescopeTarget distributionJobsRescopeTarget() {
            return RescopeTarget.ownedRecords(MongoDistributionJobs.COLLECTION, "orgPath", "version");
        }
    }
}
