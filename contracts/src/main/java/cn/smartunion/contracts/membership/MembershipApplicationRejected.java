package cn.smartunion.contracts.membership;

import java.time.Instant;

/** The receiving union turned an application down (topic {@code membership.application.v1}, key = applicationId). */
public record MembershipApplicationRejected(
        String applicationId,
        String orgId,
        String orgPath,
        String reasonCode,
        Instant rejectedAt) {
}
