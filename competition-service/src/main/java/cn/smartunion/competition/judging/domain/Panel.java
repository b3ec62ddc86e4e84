package cn.smartunion.competition.judging.domain;

import java.util.List;

/** The judges appointed to a (competition, stage) by memberId, one of them the chief judge. */
public record Panel(String competitionId, String stage, List<String> judges, String chiefJudge) {

    public Panel {
        judges = List.copyOf(judges);
        if (!judges.contains(chiefJudge)) {
            throw new SchemeRuleViolation("chiefJudge", "the chief judge must be one of the panel's judges");
        }
    }

    public boolean hasJudge(String memberId) {
        return judges.contains(memberId);
    }

    public boolean isChief(String memberId) {
        return chiefJudge.equals(memberId);
    }
}
