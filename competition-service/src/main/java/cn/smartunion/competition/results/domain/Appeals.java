package cn.smartunion.competition.results.domain;

import java.util.List;
import java.util.Optional;

public interface Appeals {

    /** False when an appeal with this id (entry and results version) exists already. */
    boolean lodge(Appeal appeal, Object lodgedEvent);

    Optional<Appeal> find(String appealId);

    /** Records the decision of an open appeal with its event; false when it is no longer open. */
    boolean decide(String appealId, Appeal.Status status, Appeal.Decision decision, Object decidedEvent);

    void correctionWritten(String appealId, int index, long ledgerSeq);

    long countOpen(String competitionId, String stage);

    List<Appeal> list(String competitionId, String stage, int page, int size);

    long count(String competitionId, String stage);
}
