package cn.smartunion.competition.judging.domain;

import java.util.List;
import java.util.Optional;

/**
 * A competition as the registration feature stores it, read for judging: the organising union, status, level and
 * its ordered stage codes.
 */
public record CompetitionView(String competitionId, String orgId, String orgPath, String status, String level,
                              List<String> stages) {

    public CompetitionView {
        stages = List.copyOf(stages);
    }

    /** Scores and results are kept for published and closed competitions only. */
    public boolean judgeable() {
        return "PUBLISHED".equals(status) || "CLOSED".equals(status);
    }

    public boolean hasStage(String stage) {
        return stages.contains(stage);
    }

    public Optional<String> stageAfter(String stage) {
        int at = stages.indexOf(stage);
        return at < 0 || at + 1 >= stages.size() ? Optional.empty() : Optional.of(stages.get(at + 1));
    }
}
