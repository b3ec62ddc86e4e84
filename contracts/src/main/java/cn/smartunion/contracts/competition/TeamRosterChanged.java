package cn.smartunion.contracts.competition;

import java.time.Instant;

/** A team's (or project's) participant was replaced (topic {@code competition.entry.v1}, key = entryId). */
public record TeamRosterChanged(
        String entryId,
        String competitionId,
        String removedPersonId,
        String addedPersonId,
        String addedMemberId,
        int participantCount,
        String orgId,
        String orgPath,
        Instant changedAt) {
}
