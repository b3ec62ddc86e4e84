package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * A union nominated a recipient in an honour selection (推荐; topic {@code competition.honour.v1}, key =
 * nominationId), the top of the analysts' honours funnel. Pseudonymous like {@link HonourConferred}.
 *
 * @param orgId             the nominating union
 * @param conferringOrgPath the union that opened the selection and confers the honour
 */
public record HonourNominated(
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
        List<String> groupTags,
        String orgId,
        String orgPath,
        String conferringOrgPath,
        Instant nominatedAt) {
}
