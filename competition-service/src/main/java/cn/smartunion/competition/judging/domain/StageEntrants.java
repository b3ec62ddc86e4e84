package cn.smartunion.competition.judging.domain;

import java.util.List;
import java.util.Optional;

/** The competitions and entries the registration feature keeps, as judging and results read them. */
public interface StageEntrants {

    Optional<CompetitionView> competition(String competitionId);

    /** The entry, when it belongs to the competition. */
    Optional<StageEntry> entry(String competitionId, String entryId);

    /** Registered entries competing in the stage. */
    List<StageEntry> registeredIn(String competitionId, String stage);

    /** Entries of the competition with this member among their participants. */
    List<StageEntry> withParticipant(String competitionId, String memberId);

    /** Adds the stage to the entries' stages (idempotent). */
    void advance(String competitionId, List<String> entryIds, String stage);
}
