package cn.smartunion.statistics.metrics.application;

import cn.smartunion.statistics.metrics.domain.Figure;
import cn.smartunion.statistics.metrics.domain.Metric;
import cn.smartunion.statistics.metrics.domain.Period;

/** Computes a metric from the stored facts, on demand. */
public interface MetricComputation {

    /** The metric over the union at {@code orgPath} and everything below it, for {@code period}. */
    Figure compute(Metric metric, String orgPath, Period period);
}
