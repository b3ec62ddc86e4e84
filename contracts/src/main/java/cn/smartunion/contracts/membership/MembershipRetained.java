package cn.smartunion.contracts.membership;

import java.time.Instant;
import java.time.LocalDate;

/** The member keeps membership after leaving employment (保留会籍; topic {@code membership.member.v1}). */
public record MembershipRetained(
        String memberId,
        String orgId,
        String orgPath,
        String reasonCode,
        LocalDate since,
        Instant occurredAt) {
}
