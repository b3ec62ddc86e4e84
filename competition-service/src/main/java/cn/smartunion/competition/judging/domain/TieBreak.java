package cn.smartunion.competition.judging.domain;

import java.util.regex.Pattern;

/**
 * A declared tie-break rule, applied in order when totals are equal: {@code HIGHER_JUDGEMENT_TOTAL},
 * {@code HIGHER_MEASUREMENT_TOTAL} or {@code HIGHER_CRITERION:<code>}. Entries still tied share the rank.
 *
 * @param criterion the criterion code for {@link Rule#HIGHER_CRITERION}, null otherwise
 */
public record TieBreak(Rule rule, String criterion) {

    public enum Rule {
        HIGHER_JUDGEMENT_TOTAL, HIGHER_MEASUREMENT_TOTAL, HIGHER_CRITERION
    }

    private static final Pattern CRITERION = Pattern.compile("HIGHER_CRITERION:([A-Z][A-Z0-9_]{1,63})");

    public static TieBreak parse(String text, String field) {
        if ("HIGHER_JUDGEMENT_TOTAL".equals(text)) {
            return new TieBreak(Rule.HIGHER_JUDGEMENT_TOTAL, null);
        }
        if ("HIGHER_MEASUREMENT_TOTAL".equals(text)) {
            return new TieBreak(Rule.HIGHER_MEASUREMENT_TOTAL, null);
        }
        var matcher = text == null ? null : CRITERION.matcher(text);
        if (matcher != null && matcher.matches()) {
            return new TieBreak(Rule.HIGHER_CRITERION, matcher.group(1));
        }
        throw new SchemeRuleViolation(field, "must be HIGHER_JUDGEMENT_TOTAL, HIGHER_MEASUREMENT_TOTAL or "
                + "HIGHER_CRITERION:<criterion code>");
    }

    @Override
    public String toString() {
        return rule == Rule.HIGHER_CRITERION ? rule.name() + ":" + criterion : rule.name();
    }
}
