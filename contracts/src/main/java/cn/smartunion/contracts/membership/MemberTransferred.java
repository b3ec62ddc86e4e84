package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The destination union accepted a transfer; the member is active there (topic {@code membership.member.v1}).
 *
 * @param reasonCode  why the transfer was requested (the code of {@link MemberTransferRequested#reasonCode()}), so
 *                    "transfers by reason" need no join with the request
 * @param effectiveOn the union-calendar date the membership moved (Beijing time); reports count transfers in a
 *                    period by this date, not by {@code transferredAt}, since paperwork is often entered late
 */
public record MemberTransferred(
        String memberId,
        String transferId,
        String fromOrgId,
        String fromOrgPath,
        String toOrgId,
        String toOrgPath,
        boolean crossProvince,
        String reasonCode,
        LocalDate effectiveOn,
        Instant transferredAt) {
}
