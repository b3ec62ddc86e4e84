package cn.smartunion.contracts.membership;

import java.time.Instant;

/** The destination union accepted a transfer; the member is active there (topic {@code membership.member.v1}). */
public record MemberTransferred(
        String memberId,
        String transferId,
        String fromOrgId,
        String fromOrgPath,
        String toOrgId,
        String toOrgPath,
        boolean crossProvince,
        Instant transferredAt) {
}
