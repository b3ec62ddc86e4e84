package cn.smartunion.statistics.metrics.domain;

/** How a report names its period. */
public enum PeriodKind {
    /** {@code 2026-11-21}. */
    DAY,
    /** {@code 2026-11}. */
    MONTH,
    /** {@code 2026}. */
    YEAR,
    /** {@code PLAN-15}: a five-year plan (十四五 = {@code PLAN-14} = 2021–2025, 十五五 = {@code PLAN-15} = 2026–2030). */
    PLAN,
    /** {@code 2026-01-01..2026-07-31}: both days included ("截至7月底", "2021年以来"). */
    RANGE
}
