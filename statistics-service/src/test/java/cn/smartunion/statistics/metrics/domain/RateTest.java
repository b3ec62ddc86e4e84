package cn.smartunion.statistics.metrics.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateTest {

    @Test
    void aRateKeepsBothCountsAndRoundsTheRatioHalfUp() {
        Rate rate = Rate.of(2, 3);

        assertThat(rate.numerator()).isEqualTo(2);
        assertThat(rate.denominator()).isEqualTo(3);
        assertThat(rate.ratio()).isEqualByComparingTo("0.6667");
        assertThat(rate.percent()).isEqualByComparingTo("66.67");
    }

    @Test
    void aWholeRateIsOne() {
        assertThat(Rate.of(7, 7).ratio()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(Rate.of(7, 7).percent()).isEqualByComparingTo("100");
        assertThat(Rate.of(0, 4).ratio()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void nothingInTheDenominatorGivesNoRatioRatherThanZeroOrAnError() {
        Rate rate = Rate.of(0, 0);

        assertThat(rate.ratio()).isNull();
        assertThat(rate.percent()).isNull();
        assertThat(rate.denominator()).isZero();
    }

    @Test
    void negativeCountsAreAProgrammingError() {
        assertThatThrownBy(() -> Rate.of(-1, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moneyInFenIsAnsweredInYuanWithTwoDecimals() {
        assertThat(Yuan.ofFen(120075)).isEqualTo(new BigDecimal("1200.75"));
        assertThat(Yuan.ofFen(5)).isEqualTo(new BigDecimal("0.05"));
        assertThat(Yuan.ofFen(0).scale()).isEqualTo(2);
    }
}
