package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.ActorKind;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a member's status history: what changed, in which union, effective when, recorded when, by whom and
 * why.
 *
 * @param from       null for the first registration
 * @param orgId      the union the member belongs to after the change (the destination for an accepted transfer, so
 *                   the history keeps both unions)
 * @param reasonCode a retention, termination, transfer or decline reason; null for changes without one
 * @param transferId the transfer this change belongs to (requested, accepted or closed), null otherwise
 */
public record StatusChange(MemberStatus from, MemberStatus to, String orgId, String orgPath, LocalDate effectiveOn,
                           Instant recordedAt, ActorKind actorKind, String actorSubject, String reasonCode,
                           String transferId) {

    public StatusChange(MemberStatus from, MemberStatus to, String orgId, String orgPath, LocalDate effectiveOn,
                        Instant recordedAt, ActorKind actorKind, String actorSubject, String reasonCode) {
        this(from, to, orgId, orgPath, effectiveOn, recordedAt, actorKind, actorSubject, reasonCode, null);
    }
}
