package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/** Membership ended (exit, death, expulsion; topic {@code membership.member.v1}). Member-only benefits stop. */
public record MembershipTerminated(
        String memberId,
        String orgId,
        String orgPath,
        String reasonCode,
        LocalDate effectiveOn,
        Instant occurredAt) {
}
