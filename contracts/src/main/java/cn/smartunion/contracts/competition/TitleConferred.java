package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A title was conferred from competition results or by a union (topic {@code competition.honour.v1}, key = titleId).
 * Pseudonymous: the recipient is a memberId and/or personId, a team entry or a unit's public credit code.
 *
 * @param orgId the conferring union
 */
public record TitleConferred(
        String titleId,
        TitleType title,
        CompetitionLevel level,
        RecipientType recipientType,
        String memberId,
        String personId,
        String entryId,
        String unitCreditCode,
        String competitionId,
        String trade,
        String orgId,
        String orgPath,
        LocalDate conferredOn,
        Instant conferredAt) {
}
