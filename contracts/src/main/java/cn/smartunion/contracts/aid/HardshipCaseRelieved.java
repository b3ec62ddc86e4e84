package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The household was lifted out of hardship (解困脱困; topic {@code aid.case.v1}, key = caseId). Counting it gives
 * 解困脱困户数. The file stays open for monitoring until {@code HardshipCaseClosed}.
 *
 * @param relievedOn the union-calendar date of the relief decision; reports count by this date
 */
public record HardshipCaseRelieved(
        String caseId,
        String householdId,
        String orgId,
        String orgPath,
        LocalDate relievedOn,
        Instant occurredAt) {
}
