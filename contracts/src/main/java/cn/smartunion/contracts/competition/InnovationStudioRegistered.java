package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An innovation studio (劳模/工匠/职工创新工作室) was registered (topic {@code competition.innovation.v1}, key = studioId).
 *
 * @param alliance          the studio alliance (创新工作室联盟) it belongs to, null if none
 * @param fundingGrantedFen funding granted at registration, null if none
 */
public record InnovationStudioRegistered(
        String studioId,
        StudioLevel level,
        boolean demonstration,
        String unitCreditCode,
        String leaderMemberId,
        String alliance,
        LocalDate foundedOn,
        int reviewPeriodMonths,
        LocalDate nextReviewDue,
        Long fundingGrantedFen,
        String orgId,
        String orgPath,
        Instant registeredAt) {
}
