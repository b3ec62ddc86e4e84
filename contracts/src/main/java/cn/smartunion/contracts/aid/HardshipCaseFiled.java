package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.util.List;

/**
 * A hardship household was put on file (建档; topic {@code aid.case.v1}, key = caseId). Counting it gives 建档户数.
 * Pseudonymous: the household's members, their ID numbers, illnesses and schools stay inside aid-service; only the
 * coarse categories travel.
 *
 * @param householdId   pseudonymous id of the household
 * @param memberId      the union member the household is filed through, null when no member of it is one
 * @param programmeCode the aid programme the file belongs to
 * @param identifiedBy  how the household was found
 * @param causes        why it is in hardship (致困原因), one or more
 * @param householdSize people in the household, 1 to 30
 */
public record HardshipCaseFiled(
        String caseId,
        String householdId,
        String memberId,
        String orgId,
        String orgPath,
        String programmeCode,
        IdentificationChannel identifiedBy,
        HardshipCategory category,
        List<HardshipCause> causes,
        int householdSize,
        Instant filedAt) {
}
