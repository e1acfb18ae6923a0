package dev.meshpilot.mesh.anomaly.detect;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Seasonality;
import java.util.Arrays;

/**
 * Fits a seasonal factor per bucket on a series' history: day-of-week (7 buckets) for a daily series,
 * hour-of-day (24) or hour-of-week (168) for an hourly one. Under {@code auto} a baseline is used when every
 * bucket has two points or more, and dividing by the factors shrinks the spread around the level by a quarter or
 * more and moves some bucket by over 3%; hour-of-week is preferred over hour-of-day only when it shrinks the
 * spread by another quarter. Reuses its arrays. Not thread-safe.
 */
final class Seasonal {
    private static final double DAY = 86_400;
    private static final double HOUR = 3_600;
    private double[] work = new double[0];
    private double[] ratio = new double[0];
    private double[] byBucket = new double[0];
    private final int[] counts = new int[168];
    private final double[] trial = new double[168];
    private Seasonality kind = Seasonality.NONE;

    /** The baseline the last fit chose (NONE when none). */
    Seasonality kind() {
        return kind;
    }

    /** The bucket of an epoch second under the baseline chosen by the last fit. */
    int bucket(long t) {
        return bucket(kind, t);
    }

    static int bucket(Seasonality k, long t) {
        int hour = (int) Math.floorMod(Math.floorDiv(t, 3_600L), 24L);
        return switch (k) {
            case DAY_OF_WEEK -> Detector.dow(t);
            case HOUR_OF_DAY -> hour;
            case HOUR_OF_WEEK -> Detector.dow(t) * 24 + hour;
            default -> 0;
        };
    }

    boolean fit(long[] times, double[] values, int end, boolean[] excluded, DetectorSettings s, double[] factor) {
        kind = Seasonality.NONE;
        Arrays.fill(factor, 1.0);
        if (ratio.length < end) {
            ratio = new double[end];
            work = new double[end];
            byBucket = new double[end];
        }
        Seasonality asked = s.seasonality();
        if (asked == Seasonality.NONE || end < 14) {
            return false;
        }
        double gap = medianGap(times, end);
        boolean daily = gap > 20 * HOUR && gap < 28 * HOUR;
        boolean hourly = gap > 50 * 60 && gap < 70 * 60;
        if (asked == Seasonality.AUTO) {
            if (daily) {
                return choose(Seasonality.DAY_OF_WEEK, times, values, end, excluded, factor, false);
            }
            if (!hourly) {
                return false;
            }
            double dayOnly = fitted(Seasonality.HOUR_OF_DAY, times, values, end, excluded, trial, false);
            double week = fitted(Seasonality.HOUR_OF_WEEK, times, values, end, excluded, factor, false);
            if (!Double.isNaN(week) && (Double.isNaN(dayOnly) || week <= 0.75 * dayOnly)) {
                kind = Seasonality.HOUR_OF_WEEK;
                return true;
            }
            if (!Double.isNaN(dayOnly)) {
                System.arraycopy(trial, 0, factor, 0, 24);
                kind = Seasonality.HOUR_OF_DAY;
                return true;
            }
            Arrays.fill(factor, 1.0);
            return false;
        }
        return choose(asked, times, values, end, excluded, factor, true);
    }

    private boolean choose(
            Seasonality k, long[] t, double[] v, int end, boolean[] excluded, double[] factor, boolean forced) {
        boolean ok = !Double.isNaN(fitted(k, t, v, end, excluded, factor, forced));
        if (ok) {
            kind = k;
        } else {
            Arrays.fill(factor, 1.0);
        }
        return ok;
    }

    /**
     * Fits {@code k}'s factors into {@code factor}; returns the seasonal spread when the fit is usable (always when
     * {@code forced} and every bucket has points), else NaN.
     */
    private double fitted(
            Seasonality k,
            long[] times,
            double[] values,
            int end,
            boolean[] excluded,
            double[] factor,
            boolean forced) {
        int buckets = k == Seasonality.DAY_OF_WEEK ? 7 : k == Seasonality.HOUR_OF_DAY ? 24 : 168;
        // detrend by a centred moving mean over one whole cycle of the pattern (neutral to it)
        int cycle = k == Seasonality.HOUR_OF_DAY ? 24 : buckets;
        int before = cycle / 2;
        int after = cycle - before - 1;
        Arrays.fill(counts, 0);
        Arrays.fill(ratio, 0, end, Double.NaN);
        int n = 0;
        double sum = 0;
        int bad = 0;
        for (int i = 0; i < Math.min(cycle, end); i++) {
            sum += values[i];
            bad += excluded != null && excluded[i] ? 1 : 0;
        }
        for (int i = before; i + after < end; i++) {
            if (i > before) {
                int out = i - before - 1;
                int in = i + after;
                sum += values[in] - values[out];
                bad += (excluded != null && excluded[in] ? 1 : 0) - (excluded != null && excluded[out] ? 1 : 0);
            }
            if (bad > 0 || !(sum > 0) || values[i] < 0) {
                continue;
            }
            ratio[i] = values[i] / (sum / cycle);
            counts[bucket(k, times[i])]++;
            n++;
        }
        if (n < 2 * buckets) {
            return Double.NaN;
        }
        for (int b = 0; b < buckets; b++) {
            if (counts[b] < 2) {
                return Double.NaN;
            }
        }
        // the median ratio per bucket, each bucket's ratios gathered in turn (no array per bucket)
        double mean = 0;
        for (int b = 0; b < buckets; b++) {
            int c = 0;
            for (int i = before; i + after < end; i++) {
                if (!Double.isNaN(ratio[i]) && bucket(k, times[i]) == b) {
                    byBucket[c++] = ratio[i];
                }
            }
            factor[b] = Select.median(byBucket, c);
            mean += factor[b];
        }
        mean /= buckets;
        double maxDeviation = 0;
        for (int b = 0; b < buckets; b++) {
            factor[b] /= mean;
            maxDeviation = Math.max(maxDeviation, Math.abs(factor[b] - 1));
        }
        double seasonal = spread(k, times, end, factor);
        if (forced) {
            return seasonal;
        }
        double plain = spread(k, times, end, null);
        return maxDeviation > 0.03 && seasonal <= 0.75 * plain ? seasonal : Double.NaN;
    }

    /** Median absolute deviation of the detrended ratios from 1, with or without the factors. */
    private double spread(Seasonality k, long[] times, int end, double[] f) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (!Double.isNaN(ratio[i])) {
                double r = f == null ? ratio[i] : ratio[i] / f[bucket(k, times[i])];
                work[n++] = Math.abs(r - 1);
            }
        }
        return Select.median(work, n);
    }

    private double medianGap(long[] times, int end) {
        if (end < 2) {
            return Double.NaN;
        }
        for (int i = 1; i < end; i++) {
            work[i - 1] = times[i] - times[i - 1];
        }
        return Select.median(work, end - 1);
    }
}
