package cn.smartunion.competition.results.domain;

import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.RecipientType;
import cn.smartunion.contracts.competition.TitleType;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A title conferred from final results. The id derives from (competition, stage, entry, person), so conferring again
 * finds the same title.
 *
 * @param orgId           the organising (conferring) union
 * @param recipientOrgPath the path of the entry's union, for readers of the recipient's subtree
 */
public record ConferredTitle(String titleId, TitleType title, CompetitionLevel level, RecipientType recipientType,
                             String memberId, String personId, String entryId, String unitCreditCode,
                             String competitionId, String stage, String trade, String orgId, String orgPath,
                             String recipientOrgPath, LocalDate conferredOn, Instant conferredAt) {
}
