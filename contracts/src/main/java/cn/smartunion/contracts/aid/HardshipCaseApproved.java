package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.util.List;

/**
 * A hardship file was approved for help in a cycle (审批; topic {@code aid.case.v1}, key = caseId). The money itself is
 * reported by {@code AidDisbursed} as it is paid.
 *
 * @param cycle         the programme cycle, e.g. {@code 2026} or {@code 2026-SUMMER}
 * @param budgetLineId  the budget line the approved amount is reserved on
 * @param approvalLevel the level of union that approved
 * @param approvedFen   amount approved for the cycle, in fen (1/100 yuan)
 * @param measures      the kinds of help granted, one or more
 */
public record HardshipCaseApproved(
        String caseId,
        String householdId,
        String orgId,
        String orgPath,
        String programmeCode,
        String cycle,
        String budgetLineId,
        FundingSource fundingSource,
        ApprovalLevel approvalLevel,
        long approvedFen,
        List<AidMeasure> measures,
        Instant approvedAt) {
}
