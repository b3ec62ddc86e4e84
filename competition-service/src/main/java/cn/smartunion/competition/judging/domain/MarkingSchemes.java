package cn.smartunion.competition.judging.domain;

import java.util.Optional;

/** Marking schemes, one per (competition, stage). */
public interface MarkingSchemes {

    Optional<MarkingScheme> find(String competitionId, String stage);

    /** Creates or replaces the scheme; false when it is frozen already (nothing written). */
    boolean saveUnlessFrozen(MarkingScheme scheme, String orgPath);

    /** Freezes the scheme (idempotent) and returns it, empty when the stage has none. */
    Optional<MarkingScheme> freeze(String competitionId, String stage);
}
