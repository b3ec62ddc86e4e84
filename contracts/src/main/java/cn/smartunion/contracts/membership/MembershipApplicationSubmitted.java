package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.util.List;

/**
 * A worker applied to join a union (topic {@code membership.application.v1}, key = applicationId).
 * Pseudonymous: no name, ID or phone number; the applicant is known only inside membership-service.
 */
public record MembershipApplicationSubmitted(
        String applicationId,
        String orgId,
        String orgPath,
        JoinChannel joinChannel,
        String campaignId,
        List<String> groupTags,
        ActorKind actorKind,
        Instant submittedAt) {
}
