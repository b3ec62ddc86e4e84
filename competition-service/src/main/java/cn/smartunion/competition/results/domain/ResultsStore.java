package cn.smartunion.competition.results.domain;

import java.time.Instant;
import java.util.Optional;

/** Stage results, one record per (competition, stage); every change is conditional on the version read. */
public interface ResultsStore {

    /** Publishes the first version with its event; false when the stage's results exist already. */
    boolean publishFirst(StageResults results, Object publishedEvent);

    Optional<StageResults> find(String competitionId, String stage);

    /** Adds the next provisional version; false when the results moved on (another version, or final). */
    boolean republish(String competitionId, String stage, int currentVersion, StageResults.Version next,
                      Object publishedEvent);

    /** Makes the current version final; false when the results moved on. */
    boolean finalise(String competitionId, String stage, int currentVersion, Instant finalisedAt,
                     Object finalisedEvent);
}
