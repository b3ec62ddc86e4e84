package cn.smartunion.membership.member.domain;

import cn.smartunion.contracts.membership.ActorKind;

import java.util.Objects;

/**
 * Who made a change: the worker, union staff acting on their behalf (帮办/代办; both are recorded: the staff member
 * here, the worker as the record itself), an import job, or the system.
 *
 * @param subject the Keycloak user id of a member or staff actor, the job id of an import, {@code system} otherwise
 */
public record Actor(ActorKind kind, String subject) {

    public static final Actor SYSTEM = new Actor(ActorKind.SYSTEM, "system");

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (subject == null || subject.isBlank()) {
            if (kind != ActorKind.SYSTEM) {
                throw new MemberRuleViolation("actorSubject", "is required for a " + kind + " actor");
            }
            subject = "system";
        }
        if (subject.length() > 255 || subject.chars().anyMatch(Character::isISOControl)) {
            throw new MemberRuleViolation("actorSubject", "must be at most 255 printable characters");
        }
    }

    public static Actor staff(String subject) {
        return new Actor(ActorKind.STAFF, subject);
    }
}
