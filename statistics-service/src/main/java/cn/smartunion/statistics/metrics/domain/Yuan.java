package cn.smartunion.statistics.metrics.domain;

import java.math.BigDecimal;

/** Money is kept in fen (integers, exact sums) and answered in yuan with two decimals. */
public final class Yuan {

    private Yuan() {
    }

    public static BigDecimal ofFen(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
