package cn.smartunion.aid.campaign.domain;

import cn.smartunion.aid.web.AidRuleViolation;
import cn.smartunion.aid.web.AidStatusConflict;
import cn.smartunion.contracts.aid.CampaignLaunched;
import cn.smartunion.contracts.aid.CondolenceDelivered;
import cn.smartunion.contracts.aid.DisbursementChannel;
import cn.smartunion.contracts.aid.FundingSource;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A seasonal campaign (送温暖, 夏送清凉, 春送岗位 ...) of one union: a CAMPAIGN programme run in one cycle between two
 * dates, spending from one budget line. Planned, then launched (its budget fixed from the line at that moment), then
 * closed; deliveries are recorded only while it is launched and only on dates within its window.
 *
 * @param budgetFen     the line's allocated amount when the campaign was launched; 0 before
 * @param fundingSource the line's funding source, known from launch; null before
 */
public record Campaign(String id, String programmeCode, String orgId, String orgPath, String cycle,
                       String budgetLineId, String title, LocalDate startsOn, LocalDate endsOn,
                       CampaignStatus status, long budgetFen, FundingSource fundingSource, String createdBy,
                       Instant createdAt, Instant launchedAt, Instant closedAt) {

    /** A new campaign, PLANNED. @throws AidRuleViolation when the window ends before it starts */
    public static Campaign plan(String id, String programmeCode, String orgId, String orgPath, String cycle,
                                String budgetLineId, String title, LocalDate startsOn, LocalDate endsOn,
                                String createdBy, Instant now) {
        if (startsOn == null || endsOn == null) {
            throw new AidRuleViolation(startsOn == null ? "startsOn" : "endsOn", "is required");
        }
        if (endsOn.isBefore(startsOn)) {
            throw new AidRuleViolation("endsOn", "must not be before startsOn");
        }
        return new Campaign(id, programmeCode, orgId, orgPath, cycle, budgetLineId, title, startsOn, endsOn,
                CampaignStatus.PLANNED, 0, null, createdBy, now, null, null);
    }

    /** The campaign launched with the budget its line holds now. */
    public Launch launch(long lineAllocatedFen, FundingSource lineFundingSource, Instant now) {
        require(CampaignStatus.PLANNED);
        Campaign launched = new Campaign(id, programmeCode, orgId, orgPath, cycle, budgetLineId, title, startsOn,
                endsOn, CampaignStatus.LAUNCHED, lineAllocatedFen, lineFundingSource, createdBy, createdAt, now,
                null);
        return new Launch(launched, new CampaignLaunched(id, programmeCode, orgId, orgPath, cycle, budgetLineId,
                lineFundingSource, lineAllocatedFen, startsOn, endsOn, now));
    }

    public Campaign close(Instant now) {
        if (status == CampaignStatus.CLOSED) {
            throw new AidStatusConflict("the campaign", status.name());
        }
        return new Campaign(id, programmeCode, orgId, orgPath, cycle, budgetLineId, title, startsOn, endsOn,
                CampaignStatus.CLOSED, budgetFen, fundingSource, createdBy, createdAt, launchedAt, now);
    }

    /**
     * The delivery of cash and goods to {@code beneficiary} on {@code deliveredOn}.
     *
     * @throws AidStatusConflict when the campaign is not launched
     * @throws AidRuleViolation  when the date is outside the window or nothing is given
     */
    public Delivered deliver(String deliveryId, Beneficiary beneficiary, long cashFen, long inKindFen,
                             LocalDate deliveredOn, DisbursementChannel channel,
                             String actor, Instant now) {
        require(CampaignStatus.LAUNCHED);
        if (deliveredOn == null) {
            throw new AidRuleViolation("deliveredOn", "is required");
        }
        if (deliveredOn.isBefore(startsOn) || deliveredOn.isAfter(endsOn)) {
            throw new AidRuleViolation("deliveredOn", "must be within the campaign, " + startsOn + " to " + endsOn);
        }
        if (cashFen < 0 || inKindFen < 0) {
            throw new AidRuleViolation(cashFen < 0 ? "cashFen" : "inKindFen", "must not be negative");
        }
        if (cashFen + inKindFen <= 0) {
            throw new AidRuleViolation("cashFen", "cash and goods together must be more than nothing");
        }
        if (channel == DisbursementChannel.IN_KIND && cashFen > 0) {
            throw new AidRuleViolation("channel", "cash cannot be given through the IN_KIND channel");
        }
        if (beneficiary.personTimes() < 1) {
            throw new AidRuleViolation("workerCount", "must be at least 1");
        }
        Delivery delivery = new Delivery(deliveryId, id, programmeCode, orgId, orgPath, cycle, beneficiary, cashFen,
                inKindFen, deliveredOn, channel, 0, cashFen + inKindFen, actor, now);
        String memberId = beneficiary instanceof Beneficiary.Member m ? m.memberId() : null;
        String personId = beneficiary instanceof Beneficiary.Worker w ? w.personId() : null;
        String siteId = beneficiary instanceof Beneficiary.Site s ? s.siteId() : null;
        return new Delivered(delivery, new CondolenceDelivered(deliveryId, id, programmeCode, orgId, orgPath, cycle,
                beneficiary.type(), memberId, personId, siteId, beneficiary.personTimes(), cashFen, inKindFen,
                deliveredOn, now));
    }

    private void require(CampaignStatus wanted) {
        if (status != wanted) {
            throw new AidStatusConflict("the campaign", status.name());
        }
    }

    public record Launch(Campaign campaign, CampaignLaunched event) {
    }

    public record Delivered(Delivery delivery, CondolenceDelivered event) {
    }
}
