package cn.smartunion.contracts.competition;

import java.time.Instant;

/**
 * The conferring union approved a nomination (审批; topic {@code competition.honour.v1}, key = nominationId); the
 * honour itself follows at the conferral ({@link HonourConferred}). Pseudonymous.
 *
 * @param orgId the nominating union
 */
public record HonourApproved(
        String nominationId,
        String selectionId,
        HonourType type,
        HonourLevel level,
        String cycle,
        RecipientType recipientType,
        String memberId,
        String personId,
        String teamId,
        String unitCreditCode,
        boolean frontline,
        String orgId,
        String orgPath,
        String conferringOrgPath,
        Instant approvedAt) {
}
