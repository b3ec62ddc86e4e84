package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person became an active member of {@code orgId} (入会完成; topic {@code membership.member.v1}, key = memberId).
 * Transfers do not emit this event, so counting it gives new members (新发展会员); {@code firstJoin} is false when a
 * former member joins again.
 *
 * @param applicationId     the approved application, null for direct entry and imports
 * @param enrolmentBatchId  the collective enrolment job, null otherwise
 * @param employerCreditCode the employer's public unified social credit code, null when not known
 * @param effectiveOn       the membership start date set by the approving union
 */
public record MemberActivated(
        String memberId,
        String orgId,
        String orgPath,
        JoinChannel joinChannel,
        String campaignId,
        List<String> groupTags,
        String employmentForm,
        String employerCreditCode,
        boolean firstJoin,
        String applicationId,
        String enrolmentBatchId,
        ActorKind actorKind,
        LocalDate effectiveOn,
        Instant activatedAt) {
}
