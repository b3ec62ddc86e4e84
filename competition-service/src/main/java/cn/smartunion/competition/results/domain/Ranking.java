package cn.smartunion.competition.results.domain;

import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.TieBreak;
import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.RankedEntry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks a stage's entries: higher total first (two decimals, as published), then the scheme's declared tie-breaks in
 * order; entries still equal share the rank and the next rank is skipped (1, 1, 3). Prize classes follow the
 * scheme's award bands; remaining ties are ordered by entry id only so the list is stable.
 */
public final class Ranking {

    private Ranking() {
    }

    public static List<RankedEntry> of(MarkingScheme scheme, List<ScoreSheet.EntryMarks> entries) {
        Comparator<ScoreSheet.EntryMarks> order =
                Comparator.comparing((ScoreSheet.EntryMarks e) -> e.total()).reversed();
        for (TieBreak tieBreak : scheme.tieBreaks()) {
            order = order.thenComparing(Comparator.comparing((ScoreSheet.EntryMarks e) -> key(e, tieBreak))
                    .reversed());
        }
        List<ScoreSheet.EntryMarks> sorted = new ArrayList<>(entries);
        sorted.sort(order.thenComparing(ScoreSheet.EntryMarks::entryId));
        List<RankedEntry> ranking = new ArrayList<>();
        int rank = 0;
        for (int i = 0; i < sorted.size(); i++) {
            ScoreSheet.EntryMarks entry = sorted.get(i);
            if (i == 0 || order.compare(sorted.get(i - 1), entry) != 0) {
                rank = i + 1;
            }
            PrizeClass prize = scheme.bandFor(rank).map(b -> b.prizeClass()).orElse(null);
            ranking.add(new RankedEntry(entry.entryId(), rank, entry.total(), prize));
        }
        return ranking;
    }

    private static BigDecimal key(ScoreSheet.EntryMarks entry, TieBreak tieBreak) {
        return switch (tieBreak.rule()) {
            case HIGHER_JUDGEMENT_TOTAL -> entry.total(CriterionKind.JUDGEMENT);
            case HIGHER_MEASUREMENT_TOTAL -> entry.total(CriterionKind.MEASUREMENT);
            case HIGHER_CRITERION -> entry.marksOf(tieBreak.criterion());
        };
    }
}
