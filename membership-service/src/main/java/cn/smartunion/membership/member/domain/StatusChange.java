package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.ActorKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a member's status history: what changed, in which union, effective when, recorded when, by whom and
 * why.
 *
 * @param from       null for the first registration
 * @param reasonCode a retention or termination reason, null for changes without one
 */
public record StatusChange(MemberStatus from, MemberStatus to, String orgId, String orgPath, LocalDate effectiveOn,
                           Instant recordedAt, ActorKind actorKind, String actorSubject, String reasonCode) {
}
