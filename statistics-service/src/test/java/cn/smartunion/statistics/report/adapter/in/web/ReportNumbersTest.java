package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;
import cn.smartunion.statistics.metrics.domain.Rate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Figures and periods as the report prints them, and the plain values its hooks carry. */
class ReportNumbersTest {

    @Test
    void largeValuesAreAlsoShownInWanWithTheExactValueBeside() {
        ReportNumbers.Shown members = ReportNumbers.shown(Figure.count(Metric.MEMBERS, 200_000));
        assertThat(members.text()).isEqualTo("20.00万人");
        assertThat(members.exact()).isEqualTo("200,000人");
        assertThat(ReportNumbers.plain(Figure.count(Metric.MEMBERS, 200_000))).isEqualTo("200000");

        ReportNumbers.Shown funds = ReportNumbers.shown(Figure.money(Metric.AID_FUNDS, 123_456_789));
        assertThat(funds.text()).isEqualTo("123.46万元");
        assertThat(funds.exact()).isEqualTo("1,234,567.89元");
        assertThat(ReportNumbers.plain(Figure.money(Metric.AID_FUNDS, 123_450))).isEqualTo("1234.50");

        ReportNumbers.Shown small = ReportNumbers.shown(Figure.count(Metric.CONDOLENCE_PERSON_TIMES, 9_999));
        assertThat(small.text()).isEqualTo("9,999人次");
        assertThat(small.exact()).isNull();
    }

    @Test
    void ratesShowPerCentWithTheirCountsAndCarryTheRatio() {
        Figure rate = Figure.rate(Metric.MEDIATION_SUCCESS_RATE, Rate.of(2, 3));
        assertThat(ReportNumbers.shown(rate).text()).isEqualTo("66.67%");
        assertThat(ReportNumbers.shown(rate).exact()).isEqualTo("2 / 3");
        assertThat(ReportNumbers.plain(rate)).isEqualTo("0.6667");
        Figure none = Figure.rate(Metric.MEDIATION_SUCCESS_RATE, Rate.of(0, 0));
        assertThat(ReportNumbers.shown(none).number()).isEqualTo("—");
        assertThat(ReportNumbers.plain(none)).isEmpty();
    }

    @Test
    void periodsReadAsAUnionOfficeWritesThem() {
        assertThat(ReportNumbers.period(Period.parse("2026"))).isEqualTo("2026年");
        assertThat(ReportNumbers.period(Period.parse("2026-03"))).isEqualTo("2026年3月");
        assertThat(ReportNumbers.period(Period.parse("2026-11-21"))).isEqualTo("2026年11月21日");
        assertThat(ReportNumbers.period(Period.parse("PLAN-14"))).isEqualTo("“十四五”时期（2021—2025年）");
        assertThat(ReportNumbers.period(Period.parse("PLAN-20"))).isEqualTo("“二十五”时期（2051—2055年）");
        assertThat(ReportNumbers.period(Period.parse("2026-01-01..2026-07-31")))
                .isEqualTo("2026年1月1日至2026年7月31日");
    }

    @Test
    void everyMarkupCharacterIsEscaped() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>\u0001"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;\uFFFD");
    }
}
