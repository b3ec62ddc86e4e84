package cn.smartunion.statistics.metrics.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate as reports need it: both counts and their ratio, so a reader can check it and a province can recompute it
 * from its cities' counts (rates are never averaged).
 *
 * @param ratio   numerator ÷ denominator to four decimals (half up), null when nothing was counted in the denominator
 * @param percent the ratio in per cent to two decimals, null likewise
 */
public record Rate(long numerator, long denominator, BigDecimal ratio, BigDecimal percent) {

    public static Rate of(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("counts are never negative");
        }
        if (denominator == 0) {
            return new Rate(numerator, 0, null, null);
        }
        BigDecimal ratio = BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        BigDecimal percent = BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP);
        return new Rate(numerator, denominator, ratio, percent);
    }
}
