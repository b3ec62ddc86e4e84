package cn.smartunion.contracts.competition;

import java.time.Instant;

/** An entry was withdrawn by the entrant or a registrar (topic {@code competition.entry.v1}, key = entryId). */
public record EntryWithdrawn(
        String entryId,
        String competitionId,
        RegistrarKind withdrawnBy,
        int participantCount,
        String orgId,
        String orgPath,
        Instant withdrawnAt) {
}
