package cn.smartunion.aid.disbursement.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.disbursement.domain.PaymentExceedsApproval;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.EventTypes;
import cn.smartunion.contracts.aid.AidDisbursed;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.contracts.aid.FundingSource;
import cn.smartunion.runtime.outbox.OutboxEvent;
import cn.smartunion.runtime.outbox.OutboxEvents;
import cn.smartunion.runtime.personaldata.Masking;
import cn.smartunion.runtime.personaldata.PersonalDataProtector;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import cn.smartunion.runtime.scope.OrgScope;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The disbursement ledger ({@code disbursements}) and the one way money leaves a budget. Without transactions, a
 * payment is four single-document steps, each safe to repeat:
 * <ol>
 * <li>the ledger entry is written {@code PENDING}, its id derived from the record and the client's idempotency key,
 * so a retry finds it;</li>
 * <li>the paid record's {@code unpaidFen} goes down by the amount, only if enough is left and this entry was not
 * counted before ({@code paidDisbursements});</li>
 * <li>the budget line's paid counter goes up, once per entry;</li>
 * <li>the entry becomes {@code POSTED} together with its {@code AidDisbursed} event (outbox).</li>
 * </ol>
 * A crash leaves a {@code PENDING} entry, which the client's retry or the {@link #finishPending sweeper} completes; an
 * entry the record refuses (it would overpay) is {@code VOIDED} and never posted.
 */
@Service
public class Disbursements {

    public static final String COLLECTION = "disbursements";
    private static final Logger log = LoggerFactory.getLogger(Disbursements.class);

    private final MongoTemplate mongo;
    private final Budgets budgets;
    private final OutboxEvents outboxEvents;
    private final PersonalDataProtector protector;
    private final Clock clock;

    Disbursements(MongoTemplate mongo, Budgets budgets, OutboxEvents outboxEvents, PersonalDataProtector protector,
                  Clock clock) {
        this.mongo = mongo;
        this.budgets = budgets;
        this.outboxEvents = outboxEvents;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Pays {@code command.amountFen()} for the record; repeated with the same idempotency key it pays once and
     * returns the same entry.
     *
     * @throws PaymentExceedsApproval when the record has less approved and unpaid than the amount
     */
    public Disbursement disburse(Disburse command) {
        String id = UUID.nameUUIDFromBytes((command.sourceType() + ":" + command.sourceId() + ":"
                + command.idempotencyKey()).getBytes(StandardCharsets.UTF_8)).toString();
        Document entry = mongo.findById(id, Document.class, COLLECTION);
        if (entry == null) {
            // a retry finds its entry above, whatever amount it computed now; requests validate explicit amounts, so
            // nothing to pay here means nothing is left unpaid
            if (command.amountFen() <= 0) {
                throw new PaymentExceedsApproval();
            }
            entry = pending(id, command);
            try {
                mongo.insert(entry, COLLECTION);
            } catch (DuplicateKeyException concurrentRetry) {
                entry = mongo.findById(id, Document.class, COLLECTION);
            }
        }
        return toDisbursement(complete(entry));
    }

    private Document pending(String id, Disburse c) {
        Document entry = new Document("_id", id)
                .append("status", "PENDING")
                .append("sourceType", c.sourceType().name())
                .append("sourceId", c.sourceId())
                .append("sourceCollection", c.sourceCollection())
                .append("programmeCode", c.programmeCode())
                .append("orgId", c.orgId())
                .append("orgPath", c.orgPath())
                .append("cycle", c.cycle())
                .append("budgetLineId", c.budgetLineId())
                .append("fundingSource", c.fundingSource().name())
                .append("amountFen", c.amountFen())
                .append("channel", c.channel().name())
                .append("disbursedOn", c.disbursedOn().toString())
                .append("payeePersonId", c.payeePersonId())
                .append("actor", c.actorSubject())
                .append("recordedAt", Date.from(clock.instant()))
                .append("version", 0L);
        if (c.bankCardNumber() != null && !c.bankCardNumber().isBlank()) {
            String card = c.bankCardNumber().replace(" ", "");
            if (!card.matches("[0-9]{12,19}")) {
                throw new AidRuleViolation("bankCardNumber", "must be 12 to 19 digits");
            }
            entry.append("bankCard", protector.encrypt(card)).append("maskedBankCard", Masking.bankCard(card));
        }
        return entry;
    }

    /** Steps 2 to 4 for an entry that is still pending; a posted or voided entry is returned as it is. */
    private Document complete(Document entry) {
        if (!"PENDING".equals(entry.getString("status"))) {
            if ("VOIDED".equals(entry.getString("status"))) {
                throw new PaymentExceedsApproval();
            }
            return entry;
        }
        String id = entry.getString("_id");
        long amount = entry.get("amountFen", Number.class).longValue();
        Query source = Query.query(where("_id").is(entry.getString("sourceId")).and("unpaidFen").gte(amount)
                .and("paidDisbursements").ne(id));
        Update charge = new Update().inc("unpaidFen", -amount).inc("paidFen", amount).push("paidDisbursements", id);
        String collection = entry.getString("sourceCollection");
        boolean charged = mongo.updateFirst(source, charge, collection).getModifiedCount() > 0
                || mongo.exists(Query.query(where("_id").is(entry.getString("sourceId")).and("paidDisbursements")
                .is(id)), collection);
        if (!charged) {
            mongo.updateFirst(Query.query(where("_id").is(id).and("status").is("PENDING")),
                    new Update().set("status", "VOIDED"), COLLECTION);
            throw new PaymentExceedsApproval();
        }
        if (!budgets.pay(entry.getString("budgetLineId"), id, amount)) {
            // the record had the money approved, so its commitment is on the line: this is a bug, not a client error
            throw new IllegalStateException("budget line " + entry.getString("budgetLineId")
                    + " refused a payment its commitment covers");
        }
        OutboxEvent event = outboxEvents.create(EventTypes.AID_DISBURSED, id, entry.getString("orgPath"),
                new AidDisbursed(id, entry.getString("programmeCode"),
                        DisbursementSource.valueOf(entry.getString("sourceType")), entry.getString("sourceId"),
                        entry.getString("orgId"), entry.getString("orgPath"), entry.getString("cycle"),
                        entry.getString("budgetLineId"), FundingSource.valueOf(entry.getString("fundingSource")),
                        amount, DisbursementChannel.valueOf(entry.getString("channel")),
                        LocalDate.parse(entry.getString("disbursedOn")), clock.instant()));
        mongo.updateFirst(Query.query(where("_id").is(id).and("status").is("PENDING")),
                new Update().set("status", "POSTED").set("postedAt", Date.from(clock.instant())).inc("version", 1)
                        .push(OutboxEvent.FIELD, OutboxEvents.document(event)), COLLECTION);
        return mongo.findById(id, Document.class, COLLECTION);
    }

    /** Completes entries a crash left pending for longer than {@code olderThan}. @return how many were finished */
    public int finishPending(Duration olderThan) {
        Query stuck = Query.query(where("status").is("PENDING").and("recordedAt")
                .lt(Date.from(clock.instant().minus(olderThan)))).limit(100);
        int finished = 0;
        for (Document entry : mongo.find(stuck, Document.class, COLLECTION)) {
            try {
                complete(entry);
                finished++;
            } catch (PaymentExceedsApproval refused) {
                log.warn("disbursement {} voided: its record has nothing left to pay", entry.getString("_id"));
            }
        }
        return finished;
    }

    /** The ledger entries of records paid within the caller's subtree, newest first. */
    public PageView<Disbursement> list(OrgPrincipal caller, DisbursementSource sourceType, String sourceId,
                                       String budgetLineId, int page, int size) {
        AidAccess.requireReader(caller);
        Query query = new Query(OrgScope.subtree("orgPath", caller));
        if (sourceType != null) {
            query.addCriteria(where("sourceType").is(sourceType.name()));
        }
        if (sourceId != null) {
            query.addCriteria(where("sourceId").is(sourceId));
        }
        if (budgetLineId != null) {
            query.addCriteria(where("budgetLineId").is(budgetLineId));
        }
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "recordedAt")).skip((long) page * size).limit(size);
        List<Disbursement> items = mongo.find(query, Document.class, COLLECTION).stream()
                .map(Disbursements::toDisbursement).toList();
        return new PageView<>(items, page, size, total);
    }

    public Disbursement get(String id, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        Query query = Query.query(where("_id").is(id)).addCriteria(OrgScope.subtree("orgPath", caller));
        Document entry = mongo.findOne(query, Document.class, COLLECTION);
        if (entry == null) {
            throw new NotFoundException("disbursement not found");
        }
        return toDisbursement(entry);
    }

    private static Disbursement toDisbursement(Document d) {
        Date recordedAt = d.getDate("recordedAt");
        return new Disbursement(d.getString("_id"), DisbursementSource.valueOf(d.getString("sourceType")),
                d.getString("sourceId"), d.getString("programmeCode"), d.getString("orgId"), d.getString("orgPath"),
                d.getString("cycle"), d.getString("budgetLineId"),
                FundingSource.valueOf(d.getString("fundingSource")), d.get("amountFen", Number.class).longValue(),
                DisbursementChannel.valueOf(d.getString("channel")), LocalDate.parse(d.getString("disbursedOn")),
                d.getString("payeePersonId"), d.getString("maskedBankCard"), d.getString("status"),
                recordedAt == null ? Instant.EPOCH : recordedAt.toInstant());
    }
}
