package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * The applicant took an open application back before the receiving union decided (topic
 * {@code membership.application.v1}, key = applicationId). Closes the application in analysts' join funnel.
 *
 * @param actorKind who withdrew it: the applicant ({@code MEMBER}) or staff on their behalf
 */
public record MembershipApplicationWithdrawn(
        String applicationId,
        String orgId,
        String orgPath,
        ActorKind actorKind,
        Instant withdrawnAt) {
}
