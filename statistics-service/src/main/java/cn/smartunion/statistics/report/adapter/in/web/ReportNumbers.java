package cn.smartunion.statistics.report.adapter.in.web;

import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.MeasureUnit;
import cn.smartunion.statistics.metrics.domain.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Figures as a union office prints them: grouped digits, the unit after the number, values from ten thousand up also
 * in 万 ("1,100.23万人"), money in yuan with fen, rates in per cent with their counts; periods in Chinese.
 */
final class ReportNumbers {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private ReportNumbers() {
    }

    /** How a figure is shown: the number, its unit (万 included), and the exact value when shortened. */
    record Shown(String number, String unit, String exact) {
        String text() {
            return number + unit;
        }
    }

    /** The value the page's hooks carry: the figures API's value, or a rate's ratio; empty when there is none. */
    static String plain(Figure figure) {
        if (figure.rate() != null) {
            return figure.rate().ratio() == null ? "" : figure.rate().ratio().toPlainString();
        }
        return figure.value() == null ? "" : figure.value().toPlainString();
    }

    static Shown shown(Figure figure) {
        MeasureUnit unit = figure.metric().unit();
        if (figure.rate() != null) {
            var rate = figure.rate();
            String counts = grouped(BigDecimal.valueOf(rate.numerator()), false) + " / "
                    + grouped(BigDecimal.valueOf(rate.denominator()), false);
            return rate.percent() == null ? new Shown("—", "", "无可计算的案件（" + counts + "）")
                    : new Shown(rate.percent().setScale(2, RoundingMode.HALF_UP).toPlainString(), "%", counts);
        }
        return shown(figure.value() == null ? BigDecimal.ZERO : figure.value(), unit);
    }

    static Shown shown(BigDecimal value, MeasureUnit unit) {
        boolean money = unit == MeasureUnit.YUAN;
        String exact = grouped(value, money) + unit.symbol();
        if (value.abs().compareTo(WAN) >= 0) {
            BigDecimal wan = value.divide(WAN, 2, RoundingMode.HALF_UP);
            return new Shown(grouped(wan, true), "万" + unit.symbol(), exact);
        }
        return new Shown(grouped(value, money), unit.symbol(), null);
    }

    static String grouped(BigDecimal value, boolean twoDecimals) {
        DecimalFormat format = new DecimalFormat(twoDecimals ? "#,##0.00" : "#,##0",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** {@code 2026年}, {@code 2026年11月}, {@code 2026年11月21日}, {@code “十五五”时期（2026—2030年）}, a range. */
    static String period(Period period) {
        return switch (period.kind()) {
            case YEAR -> period.from().getYear() + "年";
            case MONTH -> period.from().getYear() + "年" + period.from().getMonthValue() + "月";
            case DAY -> day(period.from());
            case PLAN -> "“" + planNumber(Integer.parseInt(period.label().substring("PLAN-".length()))) + "五”时期（"
                    + period.from().getYear() + "—" + period.to().getYear() + "年）";
            case RANGE -> day(period.from()) + "至" + day(period.to());
        };
    }

    static String day(java.time.LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** 6 → 六, 14 → 十四, 20 → 二十, 25 → 二十五 (the plans known run from 6 to 30). */
    static String planNumber(int n) {
        int tens = n / 10;
        int ones = n % 10;
        String t = tens == 0 ? "" : tens == 1 ? "十" : DIGITS[tens] + "十";
        return t + DIGITS[ones];
    }
}
