package cn.smartunion.competition.judging.domain;

/** The entries' completed score sheets, one per (competition, stage, entry), each written with its event. */
public interface FinalisedScoreSheets {

    boolean isFinalised(String competitionId, String stage, String entryId);

    /**
     * Records the sheet with {@code finalisedEvent} in its outbox, in one write; false (nothing written) when the
     * sheet was recorded before, by a concurrent judge or an earlier attempt.
     */
    boolean finalise(FinalisedScoreSheet sheet, Object finalisedEvent);
}
