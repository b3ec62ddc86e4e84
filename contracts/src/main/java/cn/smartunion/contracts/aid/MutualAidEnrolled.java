package cn.smartunion.contracts.aid;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A member was enrolled in a mutual-aid plan for a plan year (参保; topic {@code aid.mutual-aid.v1},
 * key = enrolmentId). Counting it gives 参保人次, summing {@code contributionFen} 筹集互助金.
 *
 * @param planVersion     the version of the plan (its list of covered diseases changes between versions), from 1
 * @param planYear        the plan year enrolled for
 * @param paidBy          who paid the contribution
 * @param channel         how the member was enrolled
 * @param contributionFen contribution paid, in fen (1/100 yuan)
 */
public record MutualAidEnrolled(
        String enrolmentId,
        String memberId,
        String planId,
        int planVersion,
        int planYear,
        String orgId,
        String orgPath,
        ContributionPayer paidBy,
        EnrolmentChannel channel,
        long contributionFen,
        LocalDate coverageStartsOn,
        LocalDate coverageEndsOn,
        Instant occurredAt) {
}
