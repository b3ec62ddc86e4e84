package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * A transfer ended without moving the member: declined by the destination, expired unanswered, or withdrawn
 * (topic {@code membership.member.v1}). The member stays active in {@code fromOrgId}.
 */
public record MemberTransferClosed(
        String memberId,
        String transferId,
        String fromOrgId,
        String fromOrgPath,
        String toOrgId,
        Outcome outcome,
        String reasonCode,
        Instant closedAt) {

    public enum Outcome {
        DECLINED,
        EXPIRED,
        WITHDRAWN
    }
}
