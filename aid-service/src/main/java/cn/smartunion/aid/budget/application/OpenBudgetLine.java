package cn.smartunion.aid.budget.application;

import cn.smartunion.contracts.aid.FundingSource;

public record OpenBudgetLine(String programmeCode, String orgId, String cycle, FundingSource fundingSource,
                             String title, long allocatedFen) {
}
