package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A hardship file was closed (销档; topic {@code aid.case.v1}, key = caseId). It may be opened again by
 * {@code HardshipCaseReopened}.
 *
 * @param outcome  why it was closed
 * @param closedOn the union-calendar date the file was closed
 */
public record HardshipCaseClosed(
        String caseId,
        String householdId,
        String orgId,
        String orgPath,
        CaseClosure outcome,
        LocalDate closedOn,
        Instant occurredAt) {
}
