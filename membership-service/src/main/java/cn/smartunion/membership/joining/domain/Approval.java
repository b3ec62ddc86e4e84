package cn.smartunion.membership.joining.domain;

import cn.smartunion.membership.member.domain.Actor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The receiving union's approval: who approved, when, from which date the membership counts, and (once registered)
 * the member record it produced.
 *
 * @param memberId null while the application is APPROVING
 */
public record Approval(Actor approvedBy, Instant approvedAt, LocalDate effectiveOn, String memberId) {

    public Approval {
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
        Objects.requireNonNull(effectiveOn, "effectiveOn");
    }

    Approval registered(String member) {
        return new Approval(approvedBy, approvedAt, effectiveOn, Objects.requireNonNull(member, "memberId"));
    }
}
