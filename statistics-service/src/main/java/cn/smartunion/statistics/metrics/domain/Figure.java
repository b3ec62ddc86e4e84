package cn.smartunion.statistics.metrics.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric's figure for a subtree and a period. A count or an amount has a {@code value} (yuan with two decimals
 * for money); a rate has its {@link Rate} instead. {@code breakdown} splits the value by a code (funding source,
 * programme, title, honour type) in the metric's unit; the parts of a distinct count may overlap.
 */
public record Figure(Metric metric, BigDecimal value, Rate rate, Map<String, BigDecimal> breakdown) {

    public Figure {
        breakdown = breakdown == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    }

    public static Figure count(Metric metric, long count) {
        return new Figure(metric, BigDecimal.valueOf(count), null, null);
    }

    public static Figure count(Metric metric, long count, Map<String, Long> breakdown) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        breakdown.forEach((code, part) -> parts.put(code, BigDecimal.valueOf(part)));
        return new Figure(metric, BigDecimal.valueOf(count), null, parts);
    }

    public static Figure money(Metric metric, long fen) {
        return new Figure(metric, Yuan.ofFen(fen), null, null);
    }

    public static Figure money(Metric metric, long fen, Map<String, Long> breakdownFen) {
        Map<String, BigDecimal> parts = new LinkedHashMap<>();
        breakdownFen.forEach((code, part) -> parts.put(code, Yuan.ofFen(part)));
        return new Figure(metric, Yuan.ofFen(fen), null, parts);
    }

    public static Figure rate(Metric metric, Rate rate) {
        return new Figure(metric, null, rate, null);
    }
}
