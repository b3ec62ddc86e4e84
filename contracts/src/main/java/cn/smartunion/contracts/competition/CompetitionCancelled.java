package cn.smartunion.contracts.competition;

import java.time.Instant;

/**
 * A competition was cancelled (topic {@code competition.competition.v1}, key = competitionId).
 *
 * @param wasPublished false when it was cancelled as a draft nobody saw
 */
public record CompetitionCancelled(
        String competitionId,
        String orgId,
        String orgPath,
        boolean wasPublished,
        Instant cancelledAt) {
}
