package cn.smartunion.contracts.competition;

import java.time.Instant;

/**
 * An entry of a lower-level competition advanced into a higher-level one (晋级; topic {@code competition.entry.v1},
 * key = the source entryId). The new entry is also announced by its own {@link EntrantRegistered}.
 *
 * @param entryId the source entry
 * @param orgId   the union the entries belong to
 */
public record EntrantAdvanced(
        String entryId,
        String fromCompetitionId,
        CompetitionLevel fromLevel,
        String toCompetitionId,
        CompetitionLevel toLevel,
        String newEntryId,
        int participantCount,
        String orgId,
        String orgPath,
        Instant advancedAt) {
}
