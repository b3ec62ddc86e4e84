package cn.smartunion.contracts.membership;

import java.time.Instant;

/**
 * A transfer (转会/接转) of a member to another union was requested
 * (topic {@code membership.member.v1}, key = memberId). The destination union decides before {@code expiresAt}.
 */
public record MemberTransferRequested(
        String memberId,
        String transferId,
        String fromOrgId,
        String fromOrgPath,
        String toOrgId,
        String toOrgPath,
        boolean crossProvince,
        ActorKind requestedBy,
        String reasonCode,
        Instant expiresAt,
        Instant requestedAt) {
}
