package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * A stage's results became final after the appeal window with no appeal open (topic {@code competition.judging.v1},
 * key = competitionId). Titles and certifications from the results follow on {@code competition.honour.v1}.
 *
 * @param version the results version made final
 */
public record ResultsFinalised(
        String competitionId,
        String stage,
        int version,
        List<RankedEntry> ranking,
        String orgId,
        String orgPath,
        Instant finalisedAt) {
}
