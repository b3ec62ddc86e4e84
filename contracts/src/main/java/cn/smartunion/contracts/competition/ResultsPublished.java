package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * A stage's results were published provisionally (topic {@code competition.judging.v1}, key = competitionId): first
 * when every entry is scored, again with the next {@code version} whenever an upheld appeal changed the scores.
 * Entrants may appeal until {@code appealDeadline}. Entry ids only: no names.
 *
 * @param orgId the organising union
 */
public record ResultsPublished(
        String competitionId,
        String stage,
        int version,
        boolean provisional,
        List<RankedEntry> ranking,
        Instant appealDeadline,
        String orgId,
        String orgPath,
        Instant publishedAt) {
}
