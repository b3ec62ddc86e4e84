package cn.smartunion.statistics.metrics.application;

import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes a metric from the stored facts, on demand. */
public interface MetricComputation {

    /** The metric over the union at {@code orgPath} and everything below it, for {@code period}. */
    Figure compute(Metric metric, String orgPath, Period period);

    /**
     * The metric for each of {@code childPaths} (the unions directly below {@code orgPath}), in their order. Equal to
     * computing each child alone; an implementation may do it in one pass.
     */
    default Map<String, Figure> computeByChild(Metric metric, String orgPath, List<String> childPaths, Period period) {
        Map<String, Figure> byChild = new LinkedHashMap<>();
        childPaths.forEach(child -> byChild.put(child, compute(metric, child, period)));
        return byChild;
    }

    /**
     * The metric for each month of {@code year} (January to December). Equal to computing each month alone; an
     * implementation may do it in one pass.
     */
    default Map<YearMonth, Figure> computeByMonth(Metric metric, String orgPath, int year) {
        Map<YearMonth, Figure> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth month = YearMonth.of(year, m);
            byMonth.put(month, compute(metric, orgPath, Period.parse(month.toString())));
        }
        return byMonth;
    }
}
