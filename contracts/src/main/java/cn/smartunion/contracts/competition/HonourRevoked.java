package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/** A conferred honour was revoked (topic {@code competition.honour.v1}, key = honourId). Pseudonymous. */
public record HonourRevoked(
        String honourId,
        HonourType type,
        HonourLevel level,
        RecipientType recipientType,
        String memberId,
        String personId,
        String teamId,
        String unitCreditCode,
        RevocationReason reason,
        String orgId,
        String orgPath,
        LocalDate revokedOn,
        Instant revokedAt) {
}
