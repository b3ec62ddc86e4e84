package cn.smartunion.statistics.metrics.domain;

/**
 * The unit a metric counts in (DOMAIN.md §8.1): events are not people, people are not households, and money is
 * answered in yuan (kept in fen until then).
 */
public enum MeasureUnit {
    /** 人次: events that reached a person, the same person counted each time. */
    PERSON_TIMES("人次"),
    /** 人: distinct persons. */
    PERSONS("人"),
    /** 户: distinct households. */
    HOUSEHOLDS("户"),
    /** 件: cases, orders, notices, submissions. */
    CASES("件"),
    /** 份: contracts. */
    CONTRACTS("份"),
    /** 家: distinct units (employers) by credit code. */
    UNITS("家"),
    /** 个: union organisations. */
    ORGANISATIONS("个"),
    /** 项: competitions, honours. */
    ITEMS("项"),
    /** 元: money, two decimals. */
    YUAN("元"),
    /** A rate: numerator ÷ denominator. */
    RATE("%");

    private final String symbol;

    MeasureUnit(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
