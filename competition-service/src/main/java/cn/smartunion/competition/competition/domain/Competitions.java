package cn.smartunion.competition.competition.domain;

import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionType;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Competitions; changes are conditional single-document updates on the stored version. */
public interface Competitions {

    void add(Competition competition);

    /**
     * Writes the changed competition and its event (may be null) in one update.
     *
     * @throws ConcurrentChange when it no longer has the version it was read with
     */
    void update(Competition competition, Object event);

    Optional<Competition> find(String id);

    /**
     * Counts one more entry of union {@code orgId} against the competition's quota, atomically.
     *
     * @return false when the union's quota is used up
     */
    boolean takeQuota(String competitionId, String orgId, int quota);

    void releaseQuota(String competitionId, String orgId);

    List<Competition> list(Filter filter, int page, int size);

    long count(Filter filter);

    /**
     * @param staffScope     staff see their subtree's competitions in any status; null for members
     * @param withinOrgPath  only competitions organised in this subtree, null for all
     * @param openAt         only those open for registration at this instant, null for all
     */
    record Filter(String staffScope, CompetitionStatus status, CompetitionType type, CompetitionLevel level,
                  String brand, String trade, String withinOrgPath, Instant openAt) {
    }

    class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String id) {
            super("competition " + id + " was changed concurrently");
        }
    }
}
