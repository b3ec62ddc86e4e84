package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.util.List;

/**
 * An entrant appealed against provisional results within the window (topic {@code competition.judging.v1}, key =
 * competitionId). The written grounds stay in competition-service.
 *
 * @param criteria the marking-scheme criterion codes the appeal concerns
 * @param orgPath  the path of the entry's union
 */
public record AppealLodged(
        String appealId,
        String competitionId,
        String stage,
        String entryId,
        int resultsVersion,
        List<String> criteria,
        String orgId,
        String orgPath,
        Instant lodgedAt) {
}
