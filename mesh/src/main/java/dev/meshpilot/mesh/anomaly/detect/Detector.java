package dev.meshpilot.mesh.anomaly.detect;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Direction;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings.Scoring;

/**
 * Scores every point of one metric series against the points before it: a day-of-week (daily series) or
 * hour-of-day / hour-of-week (hourly series) seasonal baseline when the history shows one, a robust level (median of the last {@code trainingPoints} accepted points) and scale
 * (1.4826 × MAD), anomalies and excluded points kept out of training, a level shift accepted as the new normal
 * after {@code levelShiftPoints} points (and a series that goes back to its level from before the shift within a
 * training window judged against that level again, so the end of an outage is no new anomaly), and a backtest over the history that raises the threshold until the
 * alert budget is met. Primitive arrays, no allocation per point once warm. One instance per thread.
 *
 * <pre>{@code
 * Detector d = new Detector();
 * Scan s = new Scan();
 * d.scan(times, values, n, windowFrom, null, DetectorSettings.DEFAULT, s);
 * for (int i = s.from(); i < s.size(); i++) if (s.anomalous(i)) ...
 * }</pre>
 */
public final class Detector {
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double DAY = 86_400;
    /** The smallest scale relative to the level: a flat series does not make every wiggle infinite. */
    private static final double MIN_RELATIVE_SCALE = 0.01;

    private final double[] factor = new double[168];
    private double[] ring = new double[0];
    /** The training values in order, beside the ring that keeps their age: median and MAD without sorting. */
    private double[] sorted = new double[0];

    private double[] shiftValues = new double[0];
    /** The training before the last accepted level shift, restored when the series goes back to it. */
    private double[] beforeRing = new double[0];

    private double[] beforeSorted = new double[0];
    private final Seasonal seasonalFit = new Seasonal();

    /**
     * Scans {@code values[0..n)} taken at {@code times} (epoch seconds, ascending); points from {@code from} on
     * are the window being reported on, those before it the history the backtest tunes on.
     *
     * @param excluded points that neither train nor alert (exclusion windows, feedback), or null
     */
    public void scan(long[] times, double[] values, int n, int from, boolean[] excluded, DetectorSettings s, Scan out) {
        scan(times, values, n, from, excluded, null, s, out);
    }

    /**
     * As {@link #scan(long[], double[], int, int, boolean[], DetectorSettings, Scan)}, with points where the
     * training restarts on a new level (a level shift acknowledged in feedback): from such a point the earlier
     * training is dropped, its first {@code levelShiftPoints} points train unjudged, and later ones are judged
     * against the new level.
     *
     * @param restart points where training restarts, or null
     */
    public void scan(
            long[] times,
            double[] values,
            int n,
            int from,
            boolean[] excluded,
            boolean[] restart,
            DetectorSettings s,
            Scan out) {
        out.reset(n, from);
        int w = s.trainingPoints();
        if (ring.length < w) {
            ring = new double[w];
            sorted = new double[w];
            beforeRing = new double[w];
            beforeSorted = new double[w];
        }
        if (shiftValues.length < s.levelShiftPoints()) {
            shiftValues = new double[s.levelShiftPoints()];
        }
        out.seasonal = seasonalFit.fit(times, values, Math.max(Math.min(from, n), 0), excluded, s, factor);
        out.baseline = seasonalFit.kind();
        int count = 0;
        int head = 0;
        int needed = s.minTraining();
        double relScale = 0;
        int run = 0;
        double runSign = 0;
        // the last accepted shift: its direction, the level and spread before it, points judged since (-1: none)
        double shiftSign = 0;
        double beforeLevel = 0;
        double beforeScale = 0;
        int beforeCount = 0;
        int beforeHead = 0;
        int sinceShift = -1;
        double level = Double.NaN;
        double scale = Double.NaN;
        for (int i = 0; i < n; i++) {
            double f = out.seasonal ? factor[seasonalFit.bucket(times[i])] : 1.0;
            double d = values[i] / f;
            boolean skip = excluded != null && excluded[i];
            if (restart != null && restart[i]) {
                count = 0;
                head = 0;
                needed = s.levelShiftPoints();
                run = 0;
                runSign = 0;
                sinceShift = -1;
            }
            out.candidate[i] = false;
            out.shift[i] = false;
            out.training[i] = count;
            if (count < needed || skip) {
                out.score[i] = Double.NaN;
                out.expected[i] = Double.NaN;
                out.spread[i] = Double.NaN;
            } else {
                if (s.scoring() == Scoring.MAD) {
                    level = (count & 1) == 1
                            ? sorted[count >>> 1]
                            : (sorted[(count >>> 1) - 1] + sorted[count >>> 1]) / 2;
                    scale = MAD_TO_SIGMA * Select.madOfSorted(sorted, count, level);
                } else {
                    double sum = 0;
                    for (int k = 0; k < count; k++) {
                        sum += ring[k];
                    }
                    level = sum / count;
                    double sq = 0;
                    for (int k = 0; k < count; k++) {
                        sq += (ring[k] - level) * (ring[k] - level);
                    }
                    scale = Math.sqrt(sq / Math.max(1, count - 1));
                }
                double abs = Math.abs(level);
                boolean settled = needed == s.minTraining();
                double floor = settled ? MIN_RELATIVE_SCALE : Math.max(MIN_RELATIVE_SCALE, relScale);
                scale = Math.max(scale, Math.max(floor * abs, 1e-9));
                if (settled) {
                    relScale = abs > 0 ? Math.min(scale / abs, 1.0) : 0;
                }
                double score = (d - level) / scale;
                out.score[i] = score;
                out.expected[i] = level * f;
                out.spread[i] = scale * f;
                double change = Math.abs(d - level);
                boolean big = abs == 0 ? change > 0 : change / abs >= s.minChange();
                boolean absolute =
                        Double.isNaN(s.absoluteThreshold()) || Math.abs(values[i] - level * f) >= s.absoluteThreshold();
                boolean way =
                        s.direction() == Direction.BOTH || (s.direction() == Direction.UP ? score > 0 : score < 0);
                out.candidate[i] = big && absolute && way;
            }
            if (skip) {
                continue; // an excluded point neither trains, nor alerts, nor breaks a run of anomalies
            }
            boolean flagged = out.candidate[i] && Math.abs(out.score[i]) >= s.threshold();
            if (flagged
                    && sinceShift >= 0
                    && Math.signum(out.score[i]) == -shiftSign
                    && Math.abs(d - beforeLevel) <= s.threshold() * beforeScale) {
                // Recovery, not a new anomaly: within a training window of a level shift the series went back to
                // the level it had before (a null explosion or an outage that ended). The earlier training is the
                // normal again; the point is judged against it, so it is not flagged.
                System.arraycopy(beforeRing, 0, ring, 0, beforeCount);
                System.arraycopy(beforeSorted, 0, sorted, 0, beforeCount);
                count = beforeCount;
                head = beforeHead;
                needed = s.minTraining();
                sinceShift = -1;
                out.candidate[i] = false;
                out.score[i] = (d - beforeLevel) / beforeScale;
                out.expected[i] = beforeLevel * f;
                out.spread[i] = beforeScale * f;
                flagged = false;
            } else if (sinceShift >= 0 && ++sinceShift > w) {
                sinceShift = -1;
            }
            if (flagged) {
                double sign = Math.signum(out.score[i]);
                run = sign == runSign ? run + 1 : 1;
                runSign = sign;
                shiftValues[run - 1] = d;
                if (run >= s.levelShiftPoints()) {
                    if (needed == s.minTraining() && !Double.isNaN(level)) {
                        System.arraycopy(ring, 0, beforeRing, 0, count);
                        System.arraycopy(sorted, 0, beforeSorted, 0, count);
                        beforeCount = count;
                        beforeHead = head;
                        beforeLevel = level;
                        beforeScale = scale;
                        shiftSign = sign;
                        sinceShift = 0;
                    }
                    System.arraycopy(shiftValues, 0, ring, 0, run);
                    System.arraycopy(shiftValues, 0, sorted, 0, run);
                    java.util.Arrays.sort(sorted, 0, run);
                    count = run;
                    head = run % w;
                    needed = run;
                    run = 0;
                    runSign = 0;
                    out.shift[i] = true;
                }
            } else {
                run = 0;
                runSign = 0;
                if (count == w) {
                    Select.remove(sorted, count, ring[head]);
                    count--;
                }
                Select.insert(sorted, count, d);
                ring[head] = d;
                head = (head + 1) % w;
                count++;
                if (needed < s.minTraining() && count >= s.minTraining()) {
                    needed = s.minTraining();
                }
            }
        }
        backtest(out, s, times);
    }

    /** Raises the threshold over the base one until the history's alerts fit the budget. */
    private static void backtest(Scan out, DetectorSettings s, long[] times) {
        int end = Math.min(out.from, out.n);
        out.chosen = s.threshold();
        out.historyAlerts = alerts(out, end, s.threshold());
        if (s.alertBudget() <= 0 || end < 2) {
            return;
        }
        double days = Math.max(1, (times[end - 1] - times[0]) / DAY);
        double allowed = s.alertBudget() * days / 30.0;
        for (double m : DetectorSettings.SENSITIVITIES) {
            double t = s.threshold() * m;
            int a = m == 1.0 ? out.historyAlerts : alerts(out, end, t);
            out.chosen = t;
            out.historyAlerts = a;
            if (a <= allowed) {
                return;
            }
        }
    }

    /** Alerts (runs of consecutive anomalous points) in {@code [0, end)} at threshold {@code t}. */
    private static int alerts(Scan out, int end, double t) {
        int alerts = 0;
        boolean in = false;
        for (int i = 0; i < end; i++) {
            boolean a = out.candidate[i] && Math.abs(out.score[i]) >= t;
            if (a && !in) {
                alerts++;
            }
            in = a;
        }
        return alerts;
    }

    /** Day of week of an epoch second, Monday 0. */
    static int dow(long epochSecond) {
        return (int) Math.floorMod(Math.floorDiv(epochSecond, 86_400L) + 3, 7L);
    }
}
