package cn.smartunion.systemtest.benchmark;

import java.util.Arrays;
import java.util.List;

/** Latencies in nanoseconds, with their percentiles in milliseconds. */
record Latencies(long[] nanos) {

    static Latencies merge(List<Latencies> parts) {
        return new Latencies(parts.stream().flatMapToLong(part -> Arrays.stream(part.nanos())).toArray());
    }

    int count() {
        return nanos.length;
    }

    /** Milliseconds at the percentile (nearest rank); 100 is the maximum. NaN when there are none. */
    double percentileMillis(double p) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    double meanMillis() {
        return nanos.length == 0 ? Double.NaN : Arrays.stream(nanos).average().orElse(0) / 1e6;
    }
}
