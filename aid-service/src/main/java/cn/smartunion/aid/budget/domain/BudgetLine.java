package cn.smartunion.aid.budget.domain;

import cn.smartunion.contracts.aid.FundingSource;

import java.time.Instant;

/**
 * Money one union may spend on one programme in one cycle from one funding source. Amounts in fen. Approvals commit
 * money ({@code committedFen}), disbursements pay it ({@code paidFen}); {@code availableFen = allocatedFen -
 * committedFen} never goes below zero, however many approvals race for it.
 */
public record BudgetLine(String id, String programmeCode, String orgId, String orgPath, String cycle,
                         FundingSource fundingSource, String title, long allocatedFen, long committedFen,
                         long paidFen, long availableFen, String createdBy, Instant createdAt) {
}
