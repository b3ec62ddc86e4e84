package cn.smartunion.aid.casefile.domain;

import cn.smartunion.contracts.aid.ApprovalLevel;
import cn.smartunion.contracts.aid.FundingSource;

import java.time.Instant;

/**
 * The current (latest) approval of a case. While the case is {@code APPROVING}, {@code approvedAt} is null and
 * {@code commitmentId} names the budget commitment being made, so a retry after a crash commits the same money once.
 */
public record Approval(ApprovalLevel level, String approverSubject, String budgetLineId, FundingSource fundingSource,
                       String commitmentId, long amountFen, Instant startedAt, Instant approvedAt) {
}
