package cn.smartunion.competition.judging.domain;

import java.util.List;
import java.util.Optional;

/** The recusal log: one record per (competition, stage, entry, judge); the first one stays. */
public interface Recusals {

    void record(Recusal recusal);

    Optional<Recusal> find(String competitionId, String stage, String entryId, String judgeMemberId);

    List<Recusal> list(String competitionId, String stage, int page, int size);

    long count(String competitionId, String stage);
}
