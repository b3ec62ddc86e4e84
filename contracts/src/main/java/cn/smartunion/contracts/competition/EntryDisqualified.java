package cn.smartunion.contracts.competition;

import java.time.Instant;

/** The organiser disqualified an entry (topic {@code competition.entry.v1}, key = entryId). */
public record EntryDisqualified(
        String entryId,
        String competitionId,
        DisqualificationReason reason,
        int participantCount,
        String orgId,
        String orgPath,
        Instant disqualifiedAt) {
}
