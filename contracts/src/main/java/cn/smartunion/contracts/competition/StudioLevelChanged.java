package cn.smartunion.contracts.competition;

import java.time.Instant;
import java.time.LocalDate;

/** An innovation studio was recognised at another level (topic {@code competition.innovation.v1}, key = studioId). */
public record StudioLevelChanged(
        String studioId,
        StudioLevel fromLevel,
        StudioLevel toLevel,
        LocalDate effectiveOn,
        String orgId,
        String orgPath,
        Instant changedAt) {
}
