package cn.smartunion.statistics.metrics.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: every day from {@code from} to {@code to}, both included, in the reports' calendar. Flows
 * (events in the window) count the whole period; stocks (members, contracts in force) are taken on its last day.
 *
 * @param label the period as it was asked for, normalised ({@code 2026-11}, {@code PLAN-15})
 */
public record Period(PeriodKind kind, LocalDate from, LocalDate to, String label) {

    /** The plans counted from 十四五 (2021–2025); earlier ones back to the sixth (1981–1985) follow the same rhythm. */
    private static final int REFERENCE_PLAN = 14;
    private static final int REFERENCE_PLAN_START = 2021;
    private static final int FIRST_REGULAR_PLAN = 6;
    private static final int LAST_PLAN = 30;
    private static final int FIRST_YEAR = 1950;
    private static final int LAST_YEAR = 2100;
    static final int LONGEST_RANGE_YEARS = 50;

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PLAN = Pattern.compile("(?i)plan-(\\d{1,2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        if (from.isAfter(to)) {
            throw new InvalidPeriodException("the period starts after it ends");
        }
    }

    /**
     * @throws InvalidPeriodException unless {@code text} is {@code 2026-11-21}, {@code 2026-11}, {@code 2026},
     *                                {@code PLAN-15} or {@code 2026-01-01..2026-07-31}
     */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException("a period is required");
        }
        String t = text.strip();
        try {
            Matcher m;
            if ((m = RANGE.matcher(t)).matches()) {
                LocalDate from = day(m.group(1));
                LocalDate to = day(m.group(2));
                if (from.isAfter(to)) {
                    throw new InvalidPeriodException("the range starts after it ends");
                }
                if (from.plusYears(LONGEST_RANGE_YEARS).isBefore(to)) {
                    throw new InvalidPeriodException("a range spans at most " + LONGEST_RANGE_YEARS + " years");
                }
                return new Period(PeriodKind.RANGE, from, to, from + ".." + to);
            }
            if (DAY.matcher(t).matches()) {
                LocalDate day = day(t);
                return new Period(PeriodKind.DAY, day, day, day.toString());
            }
            if (MONTH.matcher(t).matches()) {
                YearMonth month = YearMonth.parse(t);
                checkYear(month.getYear());
                return new Period(PeriodKind.MONTH, month.atDay(1), month.atEndOfMonth(), month.toString());
            }
            if (YEAR.matcher(t).matches()) {
                return year(Integer.parseInt(t));
            }
            if ((m = PLAN.matcher(t)).matches()) {
                return plan(Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException notADate) {
            throw new InvalidPeriodException("not a calendar date: use 2026-11-21, 2026-11, 2026, PLAN-15 or "
                    + "2026-01-01..2026-07-31");
        }
        throw new InvalidPeriodException("use a day (2026-11-21), a month (2026-11), a year (2026), a five-year plan "
                + "(PLAN-15) or a range (2026-01-01..2026-07-31)");
    }

    public static Period year(int year) {
        checkYear(year);
        return new Period(PeriodKind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Year.of(year).toString());
    }

    /** The {@code number}th five-year plan: 14 is 2021–2025, 15 is 2026–2030. */
    public static Period plan(int number) {
        if (number < FIRST_REGULAR_PLAN || number > LAST_PLAN) {
            throw new InvalidPeriodException("five-year plans " + FIRST_REGULAR_PLAN + " to " + LAST_PLAN
                    + " are known");
        }
        int start = REFERENCE_PLAN_START + 5 * (number - REFERENCE_PLAN);
        return new Period(PeriodKind.PLAN, LocalDate.of(start, 1, 1), LocalDate.of(start + 4, 12, 31),
                "PLAN-" + number);
    }

    /** The day stocks are taken on. */
    public LocalDate asOf() {
        return to;
    }

    private static LocalDate day(String text) {
        LocalDate day = LocalDate.parse(text);
        checkYear(day.getYear());
        return day;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new InvalidPeriodException("years " + FIRST_YEAR + " to " + LAST_YEAR + " are known");
        }
    }
}
