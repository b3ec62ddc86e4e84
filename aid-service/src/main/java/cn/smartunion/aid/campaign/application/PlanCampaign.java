package cn.smartunion.aid.campaign.application;

import java.time.LocalDate;

public record PlanCampaign(String programmeCode, String orgId, String cycle, String budgetLineId, String title,
                           LocalDate startsOn, LocalDate endsOn) {
}
