package cn.smartunion.competition.results.domain;

import java.util.List;

/** Titles and skill-level certifications from final results; conferring the same id again changes nothing. */
public interface Awards {

    void confer(ConferredTitle title, Object conferredEvent);

    void certify(String certificationId, String memberId, String personId, String competitionId, String orgPath,
                 Object certifiedEvent);

    /** A member's titles; {@code scopePath} null for the member themselves, else the reader's subtree. */
    List<ConferredTitle> titlesOf(String memberId, String scopePath, int page, int size);

    long countTitlesOf(String memberId, String scopePath);
}
