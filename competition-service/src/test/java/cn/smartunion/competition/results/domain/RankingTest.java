package cn.smartunion.competition.results.domain;

import cn.smartunion.competition.judging.domain.Criterion;
import cn.smartunion.competition.judging.domain.CriterionKind;
import cn.smartunion.competition.judging.domain.AwardBand;
import cn.smartunion.competition.judging.domain.LedgerEntry;
import cn.smartunion.competition.judging.domain.MarkingScheme;
import cn.smartunion.competition.judging.domain.ScoreSheet;
import cn.smartunion.competition.judging.domain.TieBreak;
import cn.smartunion.contracts.competition.PrizeClass;
import cn.smartunion.contracts.competition.RankedEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RankingTest {

    private final List<LedgerEntry> ledger = new ArrayList<>();

    private MarkingScheme scheme(String... tieBreaks) {
        return MarkingScheme.define("c-1", "FINAL", List.of(
                        new Criterion("SIZE", "尺寸", CriterionKind.MEASUREMENT, 40),
                        new Criterion("FINISH", "外观", CriterionKind.JUDGEMENT, 30),
                        new Criterion("SAFETY", "安全", CriterionKind.JUDGEMENT, 30)), 3,
                java.util.Arrays.stream(tieBreaks).map(t -> TieBreak.parse(t, "t")).toList(), Duration.ofHours(2),
                Duration.ofMinutes(30), List.of(new AwardBand(1, 1, PrizeClass.FIRST, null, null),
                        new AwardBand(2, 3, PrizeClass.SECOND, null, null)), null);
    }

    /** Equal totals (80): A earns more by judgement, B by measurement; C is lower; D equals A exactly. */
    private void scores() {
        entry("A", "30", 3, 2);
        entry("B", "40", 2, 2);
        entry("C", "10", 1, 1);
        entry("D", "30", 3, 2);
    }

    private void entry(String entryId, String size, int finish, int safety) {
        add(entryId, "SIZE", "PANEL", size);
        for (String judge : List.of("j-1", "j-2", "j-3")) {
            add(entryId, "FINISH", judge, Integer.toString(finish));
            add(entryId, "SAFETY", judge, Integer.toString(safety));
        }
    }

    private void add(String entryId, String criterion, String judge, String value) {
        ledger.add(new LedgerEntry("c-1", ledger.size() + 1, LedgerEntry.Kind.SCORE, "FINAL", entryId, criterion,
                judge, new BigDecimal(value), null, null, null, "s", Instant.EPOCH, null, null));
    }

    private List<RankedEntry> rank(MarkingScheme scheme) {
        ScoreSheet sheet = new ScoreSheet(scheme, ledger);
        return Ranking.of(scheme, List.of("A", "B", "C", "D").stream().map(sheet::marksOf).toList());
    }

    @Test
    void aDeclaredTieBreakDecidesEqualTotalsAndRemainingTiesShareTheRank() {
        scores();

        List<RankedEntry> byJudgement = rank(scheme("HIGHER_JUDGEMENT_TOTAL"));

        assertThat(byJudgement).extracting(RankedEntry::entryId).containsExactly("A", "D", "B", "C");
        assertThat(byJudgement).extracting(RankedEntry::rank).containsExactly(1, 1, 3, 4);
        assertThat(byJudgement).extracting(RankedEntry::prizeClass)
                .containsExactly(PrizeClass.FIRST, PrizeClass.FIRST, PrizeClass.SECOND, null);
        assertThat(byJudgement.get(0).totalMarks()).isEqualByComparingTo("80.00");
    }

    @Test
    void theOrderOfTieBreaksIsTheDeclaredOne() {
        scores();

        assertThat(rank(scheme("HIGHER_MEASUREMENT_TOTAL", "HIGHER_JUDGEMENT_TOTAL")))
                .extracting(RankedEntry::entryId).startsWith("B");
        assertThat(rank(scheme("HIGHER_CRITERION:FINISH"))).extracting(RankedEntry::rank)
                .containsExactly(1, 1, 3, 4);
        assertThat(rank(scheme())).extracting(RankedEntry::rank).containsExactly(1, 1, 1, 4);
    }
}
