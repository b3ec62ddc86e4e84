package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A union launched a seasonal aid campaign (送温暖, 夏送清凉, 金秋助学, 春送岗位 …; topic {@code aid.campaign.v1},
 * key = campaignId).
 *
 * @param programmeCode the programme the campaign runs, e.g. {@code WINTER} or {@code SUMMER}
 * @param cycle         the programme cycle, e.g. {@code 2026} or {@code 2026-SUMMER}
 * @param budgetLineId  the budget line the campaign spends from
 * @param budgetFen     the campaign's budget, in fen (1/100 yuan)
 * @param startsOn      first day of the campaign
 * @param endsOn        last day of the campaign
 */
public record CampaignLaunched(
        String campaignId,
        String programmeCode,
        String orgId,
        String orgPath,
        String cycle,
        String budgetLineId,
        FundingSource fundingSource,
        long budgetFen,
        LocalDate startsOn,
        LocalDate endsOn,
        Instant occurredAt) {
}
