package cn.smartunion.competition.honour.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.competition.web.CompetitionStatusConflict;
import cn.smartunion.contracts.competition.HonourConferred;
import cn.smartunion.contracts.competition.HonourLevel;
import cn.smartunion.contracts.competition.HonourRevoked;
import cn.smartunion.contracts.competition.HonourType;
import cn.smartunion.contracts.competition.RevocationReason;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A conferred honour (劳模, 五一劳动奖章, 工人先锋号, 五一劳动奖状 …): what membership-service shows on a member's profile and
 * aid-service reads for model-worker benefits. Its id is derived from the nomination, so conferring twice records it
 * once.
 *
 * @param orgId the nominating union (the honour is kept in its subtree)
 */
public record Honour(String id, String nominationId, String selectionId, HonourType type, HonourLevel level,
                     String cycle, Recipient recipient, boolean frontline, List<String> groupTags, String orgId,
                     String orgPath, String conferringOrgPath, LocalDate conferredOn, Instant conferredAt,
                     HonourStatus status, Revocation revocation, long version) {

    public record Revocation(RevocationReason reason, LocalDate revokedOn, String revokedBy, Instant revokedAt) {
    }

    public static String idFor(String nominationId) {
        return UUID.nameUUIDFromBytes(("honour:" + nominationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Honour confer(Nomination nomination, LocalDate conferredOn, Instant now) {
        return new Honour(idFor(nomination.id()), nomination.id(), nomination.selectionId(), nomination.type(),
                nomination.level(), nomination.cycle(), nomination.recipient(), nomination.frontline(),
                nomination.groupTags(), nomination.orgId(), nomination.orgPath(), nomination.conferringOrgPath(),
                conferredOn, now, HonourStatus.CONFERRED, null, 0);
    }

    public HonourConferred conferred() {
        return new HonourConferred(id, type, level, cycle, recipient.type(), recipient.memberId(),
                recipient.personId(), recipient.teamId(), recipient.unitCreditCode(), frontline, groupTags, orgId,
                orgPath, conferringOrgPath, conferredOn, conferredAt);
    }

    public Honour revoke(RevocationReason reason, LocalDate revokedOn, String by, Instant now) {
        if (status != HonourStatus.CONFERRED) {
            throw new CompetitionStatusConflict("the honour", status.name());
        }
        if (revokedOn.isBefore(conferredOn)) {
            throw new CompetitionRuleViolation("revokedOn", "an honour cannot be revoked before it was conferred");
        }
        return new Honour(id, nominationId, selectionId, type, level, cycle, recipient, frontline, groupTags, orgId,
                orgPath, conferringOrgPath, conferredOn, conferredAt, HonourStatus.REVOKED,
                new Revocation(reason, revokedOn, by, now), version);
    }

    public HonourRevoked revoked() {
        return new HonourRevoked(id, type, level, recipient.type(), recipient.memberId(), recipient.personId(),
                recipient.teamId(), recipient.unitCreditCode(), revocation.reason(), orgId, orgPath,
                revocation.revokedOn(), revocation.revokedAt());
    }
}
