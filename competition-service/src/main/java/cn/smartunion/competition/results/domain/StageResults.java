package cn.smartunion.competition.results.domain;

import cn.smartunion.contracts.competition.RankedEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A stage's results: provisional versions (the first when every entry is scored, the next after each upheld appeal)
 * until the organiser or chief judge finalises the current one. Each version keeps its own ranking and appeal
 * deadline, so the trail of changes stays readable.
 */
public record StageResults(String competitionId, String stage, String orgId, String orgPath, Status status,
                           int version, List<Version> versions, Instant finalisedAt) {

    public enum Status {
        PROVISIONAL, FINAL
    }

    /** @param appealId the upheld appeal that led to this version, null for the first */
    public record Version(int version, Instant publishedAt, Instant appealDeadline, String appealId,
                          List<RankedEntry> ranking) {
    }

    public StageResults {
        versions = List.copyOf(versions);
    }

    public Version current() {
        return versions.stream().filter(v -> v.version() == version).findFirst().orElseThrow();
    }

    public Optional<RankedEntry> rankOf(String entryId) {
        return current().ranking().stream().filter(r -> r.entryId().equals(entryId)).findFirst();
    }

    public boolean hasVersionFor(String appealId) {
        return versions.stream().anyMatch(v -> appealId.equals(v.appealId()));
    }

    public boolean appealable(Instant now) {
        return status == Status.PROVISIONAL && now.isBefore(current().appealDeadline());
    }
}
