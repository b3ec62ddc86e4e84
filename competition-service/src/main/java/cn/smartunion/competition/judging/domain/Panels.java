package cn.smartunion.competition.judging.domain;

import java.util.List;
import java.util.Optional;

public interface Panels {

    void save(Panel panel, String orgPath);

    Optional<Panel> find(String competitionId, String stage);

    /** The competition's panels on which the member sits as chief judge. */
    List<Panel> chairedBy(String competitionId, String memberId);
}
