package dev.meshpilot.bench;

import java.util.Arrays;

/** Nearest-rank percentiles of measured durations, for the benchmarks' reports. */
final class Percentiles {
    private Percentiles() {}

    /** The {@code p}-th percentile (0–100, nearest rank) of the first {@code n} of {@code nanos}, in nanoseconds. */
    static long nanos(long[] nanos, int n, double p) {
        if (n == 0) {
            throw new IllegalArgumentException("no measurements");
        }
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        int at = (int) Math.ceil(p / 100.0 * n) - 1;
        return sorted[Math.max(0, Math.min(n - 1, at))];
    }

    /** The {@code p}-th percentile (0–100, nearest rank) of all of {@code nanos}, in milliseconds. */
    static double millis(long[] nanos, double p) {
        return nanos(nanos, nanos.length, p) / 1e6;
    }
}
