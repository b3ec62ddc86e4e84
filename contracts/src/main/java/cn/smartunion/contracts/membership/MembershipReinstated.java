package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/** A retained member is active again (topic {@code membership.member.v1}). */
public record MembershipReinstated(
        String memberId,
        String orgId,
        String orgPath,
        LocalDate effectiveOn,
        Instant occurredAt) {
}
