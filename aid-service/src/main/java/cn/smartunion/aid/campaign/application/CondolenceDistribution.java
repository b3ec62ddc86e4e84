package cn.smartunion.aid.campaign.application;

import cn.smartunion.aid.access.AidAccess;
import cn.smartunion.aid.budget.application.Budgets;
import cn.smartunion.aid.budget.domain.BudgetExhausted;
import cn.smartunion.aid.campaign.domain.Beneficiary;
import cn.smartunion.aid.campaign.domain.Campaign;
import cn.smartunion.aid.campaign.domain.CampaignStatus;
import cn.smartunion.aid.campaign.domain.Campaigns;
import cn.smartunion.aid.campaign.domain.Deliveries;
import cn.smartunion.aid.campaign.domain.Delivery;
import cn.smartunion.aid.disbursement.application.Disburse;
import cn.smartunion.aid.disbursement.application.Disbursements;
import cn.smartunion.aid.eligibility.domain.Applicant;
import cn.smartunion.aid.eligibility.domain.Audience;
import cn.smartunion.aid.eligibility.domain.EligibilityRule;
import cn.smartunion.aid.eligibility.domain.Ineligibility;
import cn.smartunion.aid.eligibility.domain.MemberRecord;
import cn.smartunion.aid.eligibility.domain.MemberRecords;
import cn.smartunion.aid.eligibility.domain.MemberStanding;
import cn.smartunion.aid.eligibility.domain.NotEligible;
import cn.smartunion.aid.people.application.GrantsPerCycle;
import cn.smartunion.runtime.personaldata.PersonRegistry;
import cn.smartunion.runtime.personaldata.RegisteredPerson;
import cn.smartunion.aid.programme.application.ProgrammeCatalogue;
import cn.smartunion.aid.programme.domain.Programme;
import cn.smartunion.aid.programme.domain.ProgrammeKind;
import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.aid.web.PageView;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.DisbursementSource;
import cn.smartunion.runtime.personaldata.UnifiedSocialCreditCode;
import cn.smartunion.runtime.problem.NotFoundException;
import cn.smartunion.runtime.scope.OrgPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Recording a campaign's deliveries (慰问 / 送清凉) and paying them. Without transactions a delivery is a series of
 * single-document steps, each safe to repeat under the same delivery id (derived from the client's Idempotency-Key
 * or from a distribution list's job and row):
 * <ol>
 * <li>the beneficiary is resolved (a non-member registered in the people registry) and checked against the
 * programme's eligibility;</li>
 * <li>a once-per-cycle programme's place is claimed for the beneficiary, held by the delivery id;</li>
 * <li>the value is committed on the campaign's budget line ({@code delivery:<id>}, once) — an exhausted line refuses
 * it and nothing is recorded;</li>
 * <li>the delivery is stored with its {@code CondolenceDelivered} event (outbox), unpaid;</li>
 * <li>the value is paid through the disbursement ledger, keyed by the delivery id.</li>
 * </ol>
 * A crash after step 4 leaves an unpaid delivery that {@link #payUnpaid} completes; a crash before it leaves a
 * commitment or a place that the retry under the same id finds and reuses.
 */
@Service
public class CondolenceDistribution {

    public static final String SOURCE_COLLECTION = "condolence_deliveries";
    private static final Logger log = LoggerFactory.getLogger(CondolenceDistribution.class);

    private final CampaignLifecycle lifecycle;
    private final Campaigns campaigns;
    private final Deliveries deliveries;
    private final ProgrammeCatalogue catalogue;
    private final MemberRecords memberRecords;
    private final PersonRegistry people;
    private final GrantsPerCycle grants;
    private final Budgets budgets;
    private final Disbursements disbursements;
    private final Clock clock;

    CondolenceDistribution(CampaignLifecycle lifecycle, Campaigns campaigns, Deliveries deliveries,
                           ProgrammeCatalogue catalogue, MemberRecords memberRecords, PersonRegistry people,
                           GrantsPerCycle grants, Budgets budgets, Disbursements disbursements, Clock clock) {
        this.lifecycle = lifecycle;
        this.campaigns = campaigns;
        this.deliveries = deliveries;
        this.catalogue = catalogue;
        this.memberRecords = memberRecords;
        this.people = people;
        this.grants = grants;
        this.budgets = budgets;
        this.disbursements = disbursements;
        this.clock = clock;
    }

    /**
     * @param idempotencyKey the client's Idempotency-Key, if any: the delivery id is derived from it so a retry that
     *                       outlives the key's replay window still records the delivery once
     */
    public Delivery deliver(String campaignId, String idempotencyKey, RecordDelivery command, OrgPrincipal caller) {
        AidAccess.requireOfficer(caller);
        Campaign campaign = lifecycle.within(campaignId, caller);
        String deliveryId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("delivery:" + campaignId + ":" + caller.subject() + ":" + idempotencyKey)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return record(campaign, deliveryId, command, caller.subject());
    }

    /** Steps 1 to 5 for a campaign the caller was already allowed to act on (a distribution list's row). */
    public Delivery record(Campaign campaign, String deliveryId, RecordDelivery command, String actor) {
        Delivery existing = deliveries.find(deliveryId).orElse(null);
        if (existing != null) {
            return pay(campaign, existing);
        }
        if (campaign.status() != CampaignStatus.LAUNCHED) {
            throw new AidStatusConflict("the campaign", campaign.status().name());
        }
        if (command.type() == null) {
            throw new AidRuleViolation("beneficiary.type", "is required");
        }
        if (command.channel() == null) {
            throw new AidRuleViolation("channel", "is required");
        }
        Programme programme = catalogue.usable("programmeCode", campaign.programmeCode(), ProgrammeKind.CAMPAIGN,
                campaign.orgPath(), campaign.cycle());
        Beneficiary beneficiary = switch (command.type()) {
            case MEMBER -> member(programme, command);
            case NON_MEMBER_WORKER -> worker(programme, command);
            case WORK_SITE -> site(programme, campaign, command);
        };
        Campaign.Delivered delivered = campaign.deliver(deliveryId, beneficiary, command.cashFen(),
                command.inKindFen(), command.deliveredOn(), command.channel(), actor, clock.instant());
        Delivery delivery = delivered.delivery();
        if (programme.oncePerCycle()) {
            grants.claim(programme.code(), campaign.cycle(), beneficiary.grantKey(), deliveryId,
                    holder -> deliveries.find(holder).isPresent());
        }
        try {
            budgets.commit(campaign.budgetLineId(), commitmentId(deliveryId), delivery.valueFen());
        } catch (BudgetExhausted exhausted) {
            if (programme.oncePerCycle()) {
                grants.release(programme.code(), campaign.cycle(), beneficiary.grantKey(), deliveryId);
            }
            throw exhausted;
        }
        deliveries.add(delivery, delivered.event());
        return pay(campaign, deliveries.find(deliveryId).orElseThrow());
    }

    public Delivery get(String deliveryId, OrgPrincipal caller) {
        AidAccess.requireReader(caller);
        return deliveries.findWithin(deliveryId, caller.orgPath())
                .orElseThrow(() -> new NotFoundException("delivery not found"));
    }

    public PageView<Delivery> list(String campaignId, OrgPrincipal caller, int page, int size) {
        AidAccess.requireReader(caller);
        lifecycle.within(campaignId, caller);
        return new PageView<>(deliveries.listOfCampaign(campaignId, page, size), page, size,
                deliveries.countOfCampaign(campaignId));
    }

    /** Pays deliveries a crash left recorded but unpaid for longer than {@code olderThan}. @return how many */
    public int payUnpaid(Duration olderThan) {
        int paid = 0;
        for (Delivery delivery : deliveries.unpaidRecordedBefore(clock.instant().minus(olderThan), 100)) {
            try {
                campaigns.find(delivery.campaignId()).ifPresent(campaign -> pay(campaign, delivery));
                paid++;
            } catch (RuntimeException e) {
                log.warn("delivery {} still unpaid: {}", delivery.id(), e.getMessage());
            }
        }
        return paid;
    }

    /**
     * Pays what the delivery gave through the ledger: the cash through the delivery's channel (keyed by the delivery
     * id), the goods as {@code IN_KIND} (keyed by the delivery id, or {@code <id>:in-kind} when there was cash too).
     */
    private Delivery pay(Campaign campaign, Delivery delivery) {
        if (delivery.unpaidFen() <= 0) {
            return delivery;
        }
        String payee = delivery.beneficiary() instanceof Beneficiary.Worker w ? w.personId() : null;
        if (delivery.cashFen() > 0) {
            disbursements.disburse(disburse(campaign, delivery, delivery.id(), delivery.cashFen(), delivery.channel(),
                    payee));
        }
        if (delivery.inKindFen() > 0) {
            String key = delivery.cashFen() > 0 ? delivery.id() + ":in-kind" : delivery.id();
            disbursements.disburse(disburse(campaign, delivery, key, delivery.inKindFen(), DisbursementChannel.IN_KIND,
                    payee));
        }
        return deliveries.find(delivery.id()).orElse(delivery);
    }

    private static Disburse disburse(Campaign campaign, Delivery delivery, String key, long amountFen,
                                     DisbursementChannel channel, String payee) {
        return new Disburse(key, DisbursementSource.CAMPAIGN_DELIVERY, delivery.id(), SOURCE_COLLECTION,
                delivery.programmeCode(), delivery.orgId(), delivery.orgPath(), delivery.cycle(),
                campaign.budgetLineId(), campaign.fundingSource(), amountFen, channel, delivery.deliveredOn(), payee,
                null, delivery.recordedBy());
    }

    private static String commitmentId(String deliveryId) {
        return "delivery:" + deliveryId;
    }

    private Beneficiary member(Programme programme, RecordDelivery command) {
        if (command.memberId() == null || command.memberId().isBlank()) {
            throw new AidRuleViolation("beneficiary.memberId", "is required for a MEMBER");
        }
        if (command.deliveredOn() == null) {
            throw new AidRuleViolation("deliveredOn", "is required");
        }
        MemberRecord record = memberRecords.find(command.memberId()).orElse(null);
        Applicant applicant = record == null
                ? new Applicant(MemberStanding.NOT_A_MEMBER, Set.of(), command.socialInsurance(), false)
                : record.asApplicantOn(command.deliveredOn(), command.socialInsurance());
        ProgrammeCatalogue.requireEligible(programme, applicant);
        return new Beneficiary.Member(command.memberId());
    }

    private Beneficiary worker(Programme programme, RecordDelivery command) {
        Applicant applicant = new Applicant(MemberStanding.NOT_A_MEMBER, command.groupTags(),
                command.socialInsurance(), false);
        // eligibility first: a members-only programme refuses the worker before anything is registered about them
        ProgrammeCatalogue.requireEligible(programme, applicant);
        RegisteredPerson person = people.register("beneficiary.person", command.citizenIdNumber(), command.legalName());
        return new Beneficiary.Worker(person.personId(), person.maskedName(), person.maskedIdNumber(),
                command.groupTags(), command.socialInsurance());
    }

    /** A site as a whole: no member check, the groups it declares, no insurance. */
    private Beneficiary site(Programme programme, Campaign campaign, RecordDelivery command) {
        String name = command.siteName() == null ? "" : command.siteName().strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new AidRuleViolation("beneficiary.site.name", "a name of 1 to 100 characters is required");
        }
        String creditCode = command.unitCreditCode() == null || command.unitCreditCode().isBlank() ? null
                : command.unitCreditCode().strip().toUpperCase(Locale.ROOT);
        if (creditCode != null && !UnifiedSocialCreditCode.isValid(creditCode)) {
            throw new AidRuleViolation("beneficiary.site.unitCreditCode", "is not a valid unified social credit code");
        }
        int workers = command.workerCount() == null ? 0 : command.workerCount();
        if (workers < 1 || workers > 100_000) {
            throw new AidRuleViolation("beneficiary.workerCount", "must be 1 to 100000");
        }
        EligibilityRule rule = programme.eligibility();
        List<Ineligibility> reasons = new EligibilityRule(Audience.ANY_WORKER, true, rule.groupTags(), Set.of(),
                false).check(new Applicant(MemberStanding.NOT_A_MEMBER, command.groupTags(), null, false));
        if (!reasons.isEmpty()) {
            throw new NotEligible(programme.code(), reasons);
        }
        String siteKey = campaign.orgPath() + "|" + (creditCode != null ? creditCode
                : name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
        String siteId = "site-" + UUID.nameUUIDFromBytes(siteKey.getBytes(StandardCharsets.UTF_8));
        return new Beneficiary.Site(siteId, name, creditCode, workers);
    }
}
