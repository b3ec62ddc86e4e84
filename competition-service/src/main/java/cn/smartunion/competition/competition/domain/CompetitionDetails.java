package cn.smartunion.competition.competition.domain;

import cn.smartunion.competition.web.CompetitionRuleViolation;
import cn.smartunion.contracts.competition.CoOrganiserKind;
import cn.smartunion.contracts.competition.CompetitionClass;
import cn.smartunion.contracts.competition.CompetitionLevel;
import cn.smartunion.contracts.competition.CompetitionType;
import cn.smartunion.contracts.competition.EntrantType;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an organiser decides about a competition while it is a draft. {@link #validated()} enforces the rules between
 * fields the request annotations cannot express; every problem names the request field.
 *
 * @param teamSize      the smallest and largest team; defaults to 2–20 when the competition takes teams or projects
 * @param stages        in the order they are held; one FINAL stage when none is given
 * @param quotaPerUnion entries each registering union may make, null for no limit
 */
public record CompetitionDetails(String name, String brand, CompetitionType type, CompetitionLevel level,
                                 CompetitionClass competitionClass, List<CoOrganiser> coOrganisers,
                                 List<String> trades, List<EntrantType> entrantTypes, TeamSize teamSize,
                                 Eligibility eligibility, Window window, List<Stage> stages, String campaignId,
                                 Integer quotaPerUnion) {

    public static final TeamSize DEFAULT_TEAM_SIZE = new TeamSize(2, 20);

    public record CoOrganiser(CoOrganiserKind kind, String name) {
    }

    public record TeamSize(int min, int max) {
    }

    /**
     * @param groupTags empty for any worker; otherwise each participant needs one of them
     * @param minAge    age on the registration close date, null for no limit
     */
    public record Eligibility(boolean membersOnly, List<String> groupTags, Integer minAge, Integer maxAge) {

        public Eligibility {
            groupTags = groupTags == null ? List.of() : List.copyOf(new java.util.LinkedHashSet<>(groupTags));
        }
    }

    public record Window(Instant opensAt, Instant closesAt) {

        public boolean contains(Instant now) {
            return !now.isBefore(opensAt) && now.isBefore(closesAt);
        }
    }

    public record Stage(String code, String name, int order) {
    }

    public CompetitionDetails {
        coOrganisers = coOrganisers == null ? List.of() : List.copyOf(coOrganisers);
        trades = trades == null ? List.of() : List.copyOf(trades);
        entrantTypes = entrantTypes == null ? List.of() : List.copyOf(entrantTypes);
        stages = stages == null ? List.of() : List.copyOf(stages);
        eligibility = eligibility == null ? new Eligibility(false, List.of(), null, null) : eligibility;
    }

    /** The details with defaults filled in (stages, team size), or a rule violation naming the field. */
    public CompetitionDetails validated() {
        if (name == null || name.isBlank()) {
            throw new CompetitionRuleViolation("name", "a name is required");
        }
        if (type == CompetitionType.SKILLS && trades.isEmpty()) {
            throw new CompetitionRuleViolation("trades", "a skills competition names the trades it contests");
        }
        if (new HashSet<>(trades).size() != trades.size()) {
            throw new CompetitionRuleViolation("trades", "the trades must be distinct");
        }
        if (entrantTypes.isEmpty() || new HashSet<>(entrantTypes).size() != entrantTypes.size()) {
            throw new CompetitionRuleViolation("entrantTypes", "one to four distinct entrant types are required");
        }
        TeamSize size = teamSize;
        boolean teams = entrantTypes.contains(EntrantType.TEAM) || entrantTypes.contains(EntrantType.PROJECT);
        if (size == null && teams) {
            size = DEFAULT_TEAM_SIZE;
        }
        if (size != null && (size.min() < 1 || size.min() > size.max())) {
            throw new CompetitionRuleViolation("teamSize.min", "the smallest team must be at least 1 and not larger "
                    + "than the largest");
        }
        Integer minAge = eligibility.minAge();
        Integer maxAge = eligibility.maxAge();
        if (minAge != null && maxAge != null && minAge > maxAge) {
            throw new CompetitionRuleViolation("eligibility.minAge", "the minimum age is above the maximum age");
        }
        if (window == null || window.opensAt() == null || window.closesAt() == null) {
            throw new CompetitionRuleViolation("registrationWindow", "the registration window is required");
        }
        if (!window.opensAt().isBefore(window.closesAt())) {
            throw new CompetitionRuleViolation("registrationWindow.closesAt", "registration must close after it opens");
        }
        List<Stage> ordered = stages.isEmpty() ? List.of(new Stage("FINAL", "决赛", 1)) : stages;
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < ordered.size(); i++) {
            if (!codes.add(ordered.get(i).code())) {
                throw new CompetitionRuleViolation("stages[" + i + "].code", "the stage codes must be distinct");
            }
        }
        List<Stage> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Stage s = ordered.get(i);
            numbered.add(new Stage(s.code(), s.name() == null || s.name().isBlank() ? s.code() : s.name().strip(),
                    i + 1));
        }
        return new CompetitionDetails(name.strip(), brand == null || brand.isBlank() ? null : brand.strip(), type,
                level, competitionClass, coOrganisers, trades, entrantTypes, size, eligibility, window, numbered,
                campaignId, quotaPerUnion);
    }

    public boolean takes(EntrantType entrantType) {
        return entrantTypes.contains(entrantType);
    }

    public boolean contests(String trade) {
        return trades.contains(trade);
    }

    public String firstStage() {
        return stages.get(0).code();
    }
}
