package cn.smartunion.contracts.aid;

import java.time.Instant;

/**
 * A worker applied for aid under a programme (e.g. 金秋助学; topic {@code aid.application.v1}, key = applicationId).
 * Pseudonymous: the applicant's identity, the student and the school stay inside aid-service.
 *
 * @param campaignId    the campaign applied under, null when the programme has none
 * @param applicantType {@link BeneficiaryType#MEMBER} or {@link BeneficiaryType#NON_MEMBER_WORKER}; never
 *                      {@link BeneficiaryType#WORK_SITE}
 * @param memberId      the applicant, set when a member, otherwise null
 * @param personId      pseudonymous id of a non-member applicant, otherwise null
 * @param forStudent    the aid is for a student of the household (助学)
 * @param requestedFen  amount asked for, in fen (1/100 yuan)
 */
public record AidApplicationSubmitted(
        String applicationId,
        String programmeCode,
        String campaignId,
        String orgId,
        String orgPath,
        String cycle,
        BeneficiaryType applicantType,
        String memberId,
        String personId,
        boolean forStudent,
        long requestedFen,
        Instant submittedAt) {
}
