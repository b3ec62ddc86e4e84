package cn.smartunion.competition.judging.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoreSheetTest {

    static final MarkingScheme SCHEME = MarkingScheme.define("c-1", "FINAL", List.of(
                    new Criterion("SIZE", "尺寸精度", CriterionKind.MEASUREMENT, 40),
                    new Criterion("FINISH", "外观质量", CriterionKind.JUDGEMENT, 60)), 3, List.of(),
            Duration.ofHours(2), Duration.ofMinutes(30), List.of(), null);

    private final List<LedgerEntry> ledger = new ArrayList<>();

    @Test
    void judgementMarksAreTheMeanOverThreeTimesTheMaximum() {
        score("e-1", "SIZE", "PANEL", "31.5");
        score("e-1", "FINISH", "j-1", "3");
        score("e-1", "FINISH", "j-2", "2");
        score("e-1", "FINISH", "j-3", "2");

        ScoreSheet.EntryMarks marks = new ScoreSheet(SCHEME, ledger).marksOf("e-1");

        assertThat(marks.complete()).isTrue();
        // 31.5 + (7/3)/3 × 60 = 31.5 + 46.6667
        assertThat(marks.total()).isEqualByComparingTo("78.17");
        assertThat(marks.criteria().get(1).spreadFlagged()).isFalse();
    }

    @Test
    void aJudgementNeedsTheMinimumNumberOfJudgesAndWideSpreadsAreFlagged() {
        score("e-1", "SIZE", "PANEL", "40");
        score("e-1", "FINISH", "j-1", "3");
        score("e-1", "FINISH", "j-2", "1");

        ScoreSheet.EntryMarks incomplete = new ScoreSheet(SCHEME, ledger).marksOf("e-1");
        assertThat(incomplete.complete()).isFalse();
        assertThat(incomplete.criteria().get(1).spreadFlagged()).isTrue();

        score("e-1", "FINISH", "j-3", "2");
        assertThat(new ScoreSheet(SCHEME, ledger).marksOf("e-1").complete()).isTrue();
    }

    @Test
    void aCorrectionReplacesTheScoreItReferencesAndARepeatedScoreCountsOnce() {
        score("e-1", "SIZE", "PANEL", "20");
        long original = score("e-1", "FINISH", "j-1", "0");
        score("e-1", "FINISH", "j-2", "3");
        score("e-1", "FINISH", "j-3", "3");
        score("e-1", "FINISH", "j-1", "3");  // a duplicate append of the same key is ignored
        assertThat(new ScoreSheet(SCHEME, ledger).marksOf("e-1").total()).isEqualByComparingTo("60.00");

        ledger.add(entry(ledger.size() + 1, LedgerEntry.Kind.CORRECTION, "e-1", "FINISH", "j-1", "3", original));

        ScoreSheet.EntryMarks corrected = new ScoreSheet(SCHEME, ledger).marksOf("e-1");
        assertThat(corrected.total()).isEqualByComparingTo("80.00");
        assertThat(corrected.criteria().get(1).scores()).filteredOn(ScoreSheet.Scored::corrected).hasSize(1);
    }

    @Test
    void anEntrysSheetIsCompletedByTheFirstLedgerEntryAfterWhichEveryCriterionIsScored() {
        score("e-1", "FINISH", "j-1", "3");
        score("e-2", "SIZE", "PANEL", "10");
        score("e-1", "FINISH", "j-2", "3");
        score("e-1", "FINISH", "j-3", "2");
        assertThat(ScoreSheet.completion(SCHEME, "e-1", ledger)).as("the measurement is missing").isEmpty();

        long completing = score("e-1", "SIZE", "PANEL", "35");
        score("e-1", "FINISH", "j-4", "0");  // a fourth judge after completion changes the total, not the moment
        score("e-3", "FINISH", "j-1", "1");

        List<LedgerEntry> shuffled = new ArrayList<>(ledger);
        java.util.Collections.reverse(shuffled);
        ScoreSheet.Completion completion = ScoreSheet.completion(SCHEME, "e-1", shuffled).orElseThrow();
        assertThat(completion.completedBy().seq()).isEqualTo(completing);
        // 35 + (8/3)/3 × 60 = 35 + 53.333…
        assertThat(completion.totalMarks()).isEqualByComparingTo("88.33");
        assertThat(completion.totalMarks().scale()).isEqualTo(2);
        assertThat(ScoreSheet.completion(SCHEME, "e-1", ledger)).contains(completion);
        assertThat(ScoreSheet.completion(SCHEME, "e-2", ledger)).isEmpty();
    }

    @Test
    void aSchemesWeightsSumTo100AndItNeedsThreeJudges() {
        assertThatThrownBy(() -> MarkingScheme.define("c", "FINAL", List.of(
                        new Criterion("A_1", "a", CriterionKind.MEASUREMENT, 50)), 3, List.of(), Duration.ofHours(2),
                Duration.ofMinutes(30), List.of(), null))
                .isInstanceOf(SchemeRuleViolation.class).extracting("field").isEqualTo("criteria");
        assertThatThrownBy(() -> MarkingScheme.define("c", "FINAL", SCHEME.criteria(), 2, List.of(),
                Duration.ofHours(2), Duration.ofMinutes(30), List.of(), null))
                .extracting("field").isEqualTo("minJudges");
        assertThatThrownBy(() -> MarkingScheme.define("c", "FINAL", SCHEME.criteria(), 3, List.of(),
                Duration.ofMinutes(10), Duration.ofMinutes(30), List.of(), null))
                .extracting("field").isEqualTo("appealWindow");
        assertThatThrownBy(() -> TieBreak.parse("HIGHER_CRITERION:lower", "tieBreaks[0]"))
                .isInstanceOf(SchemeRuleViolation.class);
    }

    private long score(String entryId, String criterion, String judge, String value) {
        long seq = ledger.size() + 1;
        ledger.add(entry(seq, LedgerEntry.Kind.SCORE, entryId, criterion, judge, value, null));
        return seq;
    }

    static LedgerEntry entry(long seq, LedgerEntry.Kind kind, String entryId, String criterion, String judge,
                             String value, Long correctsSeq) {
        return new LedgerEntry("c-1", seq, kind, "FINAL", entryId, criterion, judge, new BigDecimal(value),
                correctsSeq, null, null, "sub", Instant.parse("2026-05-01T08:00:00Z"), null, null);
    }
}
