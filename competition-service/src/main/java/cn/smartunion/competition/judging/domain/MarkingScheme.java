package cn.smartunion.competition.judging.domain;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How one stage of a competition is marked, ranked and awarded. Set by the organiser; frozen once the first score
 * is recorded, so every entry is marked against the same scheme.
 *
 * @param minJudges       judgement criteria need scores from at least this many judges (≥ 3)
 * @param tieBreaks       applied in order when totals are equal
 * @param appealWindow    how long after each provisional publication entrants may appeal
 * @param awardBands      ordered, non-overlapping rank bands
 * @param advancing       how many top-ranked entries advance to the next stage, null for none
 */
public record MarkingScheme(String competitionId, String stage, List<Criterion> criteria, int minJudges,
                            List<TieBreak> tieBreaks, Duration appealWindow, List<AwardBand> awardBands,
                            Integer advancing, boolean frozen) {

    public static final int MIN_JUDGES = 3;
    public static final int TOTAL_MARKS = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    public MarkingScheme {
        criteria = List.copyOf(criteria);
        tieBreaks = List.copyOf(tieBreaks);
        awardBands = List.copyOf(awardBands);
    }

    /** A new, unfrozen scheme, checked against the rules; {@code minimumWindow} is the configured floor. */
    public static MarkingScheme define(String competitionId, String stage, List<Criterion> criteria, int minJudges,
                                       List<TieBreak> tieBreaks, Duration appealWindow, Duration minimumWindow,
                                       List<AwardBand> awardBands, Integer advancing) {
        if (criteria.isEmpty()) {
            throw new SchemeRuleViolation("criteria", "at least one criterion");
        }
        Set<String> codes = new HashSet<>();
        int total = 0;
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            if (!CODE.matcher(c.code()).matches()) {
                throw new SchemeRuleViolation("criteria[" + i + "].code", "upper-case letters, digits and _");
            }
            if (!codes.add(c.code())) {
                throw new SchemeRuleViolation("criteria[" + i + "].code", "criterion codes must be unique");
            }
            if (c.maxMarks() < 1 || c.maxMarks() > TOTAL_MARKS) {
                throw new SchemeRuleViolation("criteria[" + i + "].maxMarks", "between 1 and 100");
            }
            total += c.maxMarks();
        }
        if (total != TOTAL_MARKS) {
            throw new SchemeRuleViolation("criteria", "the criteria's maximum marks must sum to 100");
        }
        if (minJudges < MIN_JUDGES) {
            throw new SchemeRuleViolation("minJudges", "judgement criteria need at least 3 judges");
        }
        for (int i = 0; i < tieBreaks.size(); i++) {
            TieBreak t = tieBreaks.get(i);
            if (t.rule() == TieBreak.Rule.HIGHER_CRITERION && !codes.contains(t.criterion())) {
                throw new SchemeRuleViolation("tieBreaks[" + i + "]", "names no criterion of this scheme");
            }
        }
        if (appealWindow.compareTo(minimumWindow) < 0) {
            throw new SchemeRuleViolation("appealWindow", "must not be shorter than " + minimumWindow);
        }
        int lastRank = 0;
        for (int i = 0; i < awardBands.size(); i++) {
            AwardBand b = awardBands.get(i);
            if (b.fromRank() <= lastRank || b.toRank() < b.fromRank()) {
                throw new SchemeRuleViolation("awardBands[" + i + "]", "bands are ordered and do not overlap");
            }
            lastRank = b.toRank();
        }
        if (advancing != null && advancing < 1) {
            throw new SchemeRuleViolation("advancing", "at least 1 when given");
        }
        return new MarkingScheme(competitionId, stage, criteria, minJudges, tieBreaks, appealWindow, awardBands,
                advancing, false);
    }

    public Optional<Criterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<AwardBand> bandFor(int rank) {
        return awardBands.stream().filter(b -> b.covers(rank)).findFirst();
    }
}
