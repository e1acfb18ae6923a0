package dev.meshpilot.agents.anomalies.detect;

import dev.meshpilot.agents.anomalies.detect.DetectorSettings.Seasonality;

/**
 * Fits a day-of-week factor per weekday on a series' history: used when the series is daily, every weekday
 * has two points or more, and dividing by the factors shrinks the spread around the level by a quarter or
 * more (or always, when day-of-week is asked for). Reuses its arrays. Not thread-safe.
 */
final class Seasonal {
    private static final double DAY = 86_400;
    private double[] work = new double[0];
    private double[] ratio = new double[0];
    private final double[][] byDay = new double[7][];
    private final int[] counts = new int[7];

    boolean fit(long[] times, double[] values, int end, boolean[] excluded, DetectorSettings s, double[] factor) {
        java.util.Arrays.fill(factor, 1.0);
        if (s.seasonality() == Seasonality.NONE || end < 14 || !daily(times, end)) {
            return false;
        }
        if (work.length < end) {
            work = new double[end];
            for (int d = 0; d < 7; d++) {
                byDay[d] = new double[end];
            }
        }
        // detrend by a centred 7-point moving mean (a whole week: neutral to the weekly pattern)
        if (ratio.length < end) {
            ratio = new double[end];
        }
        java.util.Arrays.fill(counts, 0);
        int n = 0;
        for (int i = 3; i + 3 < end; i++) {
            ratio[i] = Double.NaN;
            double sum = 0;
            boolean ok = true;
            for (int k = i - 3; k <= i + 3; k++) {
                ok &= excluded == null || !excluded[k];
                sum += values[k];
            }
            if (!ok || !(sum > 0) || values[i] < 0) {
                continue;
            }
            ratio[i] = values[i] / (sum / 7);
            int d = Detector.dow(times[i]);
            byDay[d][counts[d]++] = ratio[i];
            n++;
        }
        if (n < 14) {
            return false;
        }
        double mean = 0;
        for (int d = 0; d < 7; d++) {
            if (counts[d] < 2) {
                java.util.Arrays.fill(factor, 1.0);
                return false;
            }
            factor[d] = Select.median(byDay[d], counts[d]);
            mean += factor[d];
        }
        mean /= 7;
        double maxDeviation = 0;
        for (int d = 0; d < 7; d++) {
            factor[d] /= mean;
            maxDeviation = Math.max(maxDeviation, Math.abs(factor[d] - 1));
        }
        if (s.seasonality() == Seasonality.DAY_OF_WEEK) {
            return true;
        }
        double plain = spread(times, end, null);
        double seasonal = spread(times, end, factor);
        boolean use = maxDeviation > 0.03 && seasonal <= 0.75 * plain;
        if (!use) {
            java.util.Arrays.fill(factor, 1.0);
        }
        return use;
    }

    /** Median absolute deviation of the detrended ratios from 1, with or without the factors. */
    private double spread(long[] times, int end, double[] f) {
        int n = 0;
        for (int i = 3; i + 3 < end; i++) {
            if (!Double.isNaN(ratio[i])) {
                double r = f == null ? ratio[i] : ratio[i] / f[Detector.dow(times[i])];
                work[n++] = Math.abs(r - 1);
            }
        }
        return Select.median(work, n);
    }

    /** Whether the median gap between points is a day (20 to 28 hours). */
    private static boolean daily(long[] times, int end) {
        int daily = 0;
        for (int i = 1; i < end; i++) {
            double gap = (times[i] - times[i - 1]) / DAY;
            if (gap > 20.0 / 24 && gap < 28.0 / 24) {
                daily++;
            }
        }
        return daily * 2 >= end - 1;
    }
}
