package cn.smartunion.statistics.metrics.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void aDayIsItselfAndItsOwnStockDay() {
        Period day = Period.parse("2026-11-21");

        assertThat(day.kind()).isEqualTo(PeriodKind.DAY);
        assertThat(day.from()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(day.asOf()).isEqualTo(LocalDate.of(2026, 11, 21));
    }

    @Test
    void aMonthEndsOnItsLastDayLeapYearsIncluded() {
        assertThat(Period.parse("2028-02").to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Period.parse("2026-02").to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026-11").label()).isEqualTo("2026-11");
    }

    @Test
    void aYearRunsFromNewYearsDayToNewYearsEve() {
        Period year = Period.parse("2026");

        assertThat(year.kind()).isEqualTo(PeriodKind.YEAR);
        assertThat(year.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.asOf()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theFiveYearPlansAreCountedFromTheFourteenth() {
        Period fourteenth = Period.parse("PLAN-14");
        Period fifteenth = Period.parse("plan-15");

        assertThat(fourteenth.from()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(fourteenth.to()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(fifteenth.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(fifteenth.to()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(fifteenth.label()).isEqualTo("PLAN-15");
        assertThat(Period.plan(13).from()).isEqualTo(LocalDate.of(2016, 1, 1));
    }

    @Test
    void aRangeIncludesBothDays() {
        Period range = Period.parse("2021-01-01..2026-07-31");

        assertThat(range.kind()).isEqualTo(PeriodKind.RANGE);
        assertThat(range.from()).isEqualTo(LocalDate.of(2021, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 7, 31));
        assertThat(Period.parse("2026-03-01..2026-03-01").from()).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "2026-13", "2026-02-30", "2026/11", "PLAN-3", "PLAN-31", "plan", "1800",
            "2026-12-31..2026-01-01", "1960-01-01..2026-01-01", "last year", "2026-11-21T00:00"})
    void anythingElseIsRefused(String text) {
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(InvalidPeriodException.class);
    }
}
