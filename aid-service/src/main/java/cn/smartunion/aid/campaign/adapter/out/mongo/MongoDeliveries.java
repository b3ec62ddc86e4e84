package cn.smartunion.aid.campaign.adapter.out.mongo;

import cn.smartunion.aid.campaign.domain.Beneficiary;
import cn.smartunion.aid.campaign.domain.Deliveries;
import cn.smartunion.aid.campaign.domain.Delivery;
import cn.smartunion.aid.eligibility.domain.SocialInsurance;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.BeneficiaryType;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * {@code condolence_deliveries}: one document per delivery, inserted once with its event; the disbursement ledger then
 * moves {@code unpaidFen} to {@code paidFen} and lists its entries in {@code paidDisbursements}. A person is kept as
 * {@code personId} plus masked name and ID number only.
 */
@Repository
class MongoDeliveries implements Deliveries {

    static final String COLLECTION = "condolence_deliveries";

    private final MongoTemplate mongo;
    private final OutboxEvents outboxEvents;
    private volatile boolean indexed;

    MongoDeliveries(MongoTemplate mongo, OutboxEvents outboxEvents) {
        this.mongo = mongo;
        this.outboxEvents = outboxEvents;
    }

    @Override
    public void add(Delivery delivery, CondolenceDelivered event) {
        ensureIndexes();
        Document d = new Document("_id", delivery.id())
                .append("campaignId", delivery.campaignId())
                .append("programmeCode", delivery.programmeCode())
                .append("orgId", delivery.orgId())
                .append("orgPath", delivery.orgPath())
                .append("cycle", delivery.cycle())
                .append("beneficiaryType", delivery.beneficiary().type().name())
                .append("personTimes", delivery.beneficiary().personTimes())
                .append("cashFen", delivery.cashFen())
                .append("inKindFen", delivery.inKindFen())
                .append("deliveredOn", delivery.deliveredOn().toString())
                .append("channel", delivery.channel().name())
                .append("unpaidFen", delivery.unpaidFen())
                .append("paidFen", 0L)
                .append("paidDisbursements", List.of())
                .append("recordedBy", delivery.recordedBy())
                .append("recordedAt", Date.from(delivery.recordedAt()))
                .append(OutboxEvent.FIELD, List.of(OutboxEvents.document(outboxEvents.create(
                        EventTypes.CONDOLENCE_DELIVERED, delivery.id(), delivery.orgPath(), event))))
                .append("version", 0L);
        if (delivery.beneficiary() instanceof Beneficiary.Member m) {
            d.append("memberId", m.memberId());
        } else if (delivery.beneficiary() instanceof Beneficiary.Worker w) {
            d.append("personId", w.personId()).append("maskedName", w.maskedName())
                    .append("maskedIdNumber", w.maskedIdNumber()).append("groupTags", List.copyOf(w.groupTags()))
                    .append("socialInsurance", w.socialInsurance() == null ? null : w.socialInsurance().name());
        } else if (delivery.beneficiary() instanceof Beneficiary.Site s) {
            d.append("siteId", s.siteId()).append("siteName", s.name())
                    .append("unitCreditCode", s.unitCreditCode()).append("workerCount", s.workerCount());
        }
        try {
            mongo.insert(d, COLLECTION);
        } catch (DuplicateKeyException recordedBefore) {
            // a retry under the same delivery id: the first one stands
        }
    }

    @Override
    public Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(MongoDeliveries::toDelivery);
    }

    @Override
    public Optional<Delivery> findWithin(String id, String scopePath) {
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", scopePath));
        return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION)).map(MongoDeliveries::toDelivery);
    }

    @Override
    public List<Delivery> listOfCampaign(String campaignId, int page, int size) {
        Query query = Query.query(where("campaignId").is(campaignId))
                .with(Sort.by(Sort.Direction.DESC, "recordedAt").and(Sort.by("_id"))).skip((long) page * size)
                .limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoDeliveries::toDelivery).toList();
    }

    @Override
    public long countOfCampaign(String campaignId) {
        return mongo.count(Query.query(where("campaignId").is(campaignId)), COLLECTION);
    }

    @Override
    public List<Delivery> unpaidRecordedBefore(Instant before, int limit) {
        Query query = Query.query(where("unpaidFen").gt(0).and("recordedAt").lt(Date.from(before))).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoDeliveries::toDelivery).toList();
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on("campaignId", Sort.Direction.ASC));
            mongo.indexOps(COLLECTION).createIndex(new Index().on("orgPath", Sort.Direction.ASC));
            indexed = true;
        }
    }

    private static Delivery toDelivery(Document d) {
        Beneficiary beneficiary = switch (BeneficiaryType.valueOf(d.getString("beneficiaryType"))) {
            case MEMBER -> new Beneficiary.Member(d.getString("memberId"));
            case NON_MEMBER_WORKER -> {
                String insurance = d.getString("socialInsurance");
                List<?> tags = d.get("groupTags", List.class);
                List<String> groupTags = new ArrayList<>();
                if (tags != null) {
                    tags.forEach(t -> groupTags.add(String.valueOf(t)));
                }
                yield new Beneficiary.Worker(d.getString("personId"), d.getString("maskedName"),
                        d.getString("maskedIdNumber"), new HashSet<>(groupTags),
                        insurance == null ? null : SocialInsurance.valueOf(insurance));
            }
            case WORK_SITE -> new Beneficiary.Site(d.getString("siteId"), d.getString("siteName"),
                    d.getString("unitCreditCode"), d.get("workerCount", Number.class).intValue());
        };
        return new Delivery(d.getString("_id"), d.getString("campaignId"), d.getString("programmeCode"),
                d.getString("orgId"), d.getString("orgPath"), d.getString("cycle"), beneficiary,
                MongoCampaigns.number(d, "cashFen"), MongoCampaigns.number(d, "inKindFen"),
                LocalDate.parse(d.getString("deliveredOn")), DisbursementChannel.valueOf(d.getString("channel")),
                MongoCampaigns.number(d, "paidFen"), MongoCampaigns.number(d, "unpaidFen"),
                d.getString("recordedBy"), d.getDate("recordedAt").toInstant());
    }
}
