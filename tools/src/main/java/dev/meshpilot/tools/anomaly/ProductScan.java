package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.activity.Recorded;
import dev.meshpilot.mesh.anomaly.detect.Detector;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.Scan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the detector over every series of one product's history: null counts become null rates (so fewer
 * rows do not read as fewer nulls), each series is judged with its kind's settings, and the anomalous runs of
 * points that reach into the window are returned with their expected band. Not thread-safe.
 */
final class ProductScan {
    static final int RECENT = 14;

    private final Detector detector = new Detector();
    private final Scan scan = new Scan();
    private final DetectorSettings base;
    private Exclusions exclusions = Exclusions.NONE;
    int series;
    int points;
    int shortHistory;
    int excludedPoints;

    /** The score a schema change is reported with: above every default threshold, below the extremes. */
    static final double SCHEMA_SCORE = 10;

    ProductScan(DetectorSettings base) {
        this.base = base;
    }

    /** One anomalous run of one series: where it starts and its worst point. */
    record Found(
            MetricKind kind,
            String metric,
            String column,
            String what,
            Instant since,
            double observed,
            double expected,
            double low,
            double high,
            double score,
            int training,
            double threshold,
            boolean seasonal,
            List<Double> recent) {}

    /**
     * Schema changes are not scored against a baseline: each change of a column in the window is an anomaly
     * (kind column_added, column_removed or type_changed; score {@link #SCHEMA_SCORE}), unless a window of
     * anomalies.yaml excludes it.
     */
    private void schemaChanges(String product, String column, long[] t, double[] v, Instant since, List<Found> out) {
        series++;
        points += t.length;
        boolean[] excluded = exclusions.mask(product, MetricKind.SCHEMA_CHANGE.wire, column, t);
        for (int i = 0; i < t.length; i++) {
            if (t[i] < since.getEpochSecond() || (excluded != null && excluded[i])) {
                excludedPoints += excluded != null && excluded[i] ? 1 : 0;
                continue;
            }
            String what = v[i] > 1 ? "type_changed" : v[i] > 0 ? "column_added" : "column_removed";
            out.add(new Found(
                    MetricKind.SCHEMA_CHANGE,
                    MetricKind.SCHEMA_CHANGE.wire + ":" + column,
                    column,
                    what,
                    Instant.ofEpochSecond(t[i]),
                    v[i],
                    0,
                    0,
                    0,
                    SCHEMA_SCORE,
                    0,
                    SCHEMA_SCORE,
                    false,
                    List.of(v[i])));
        }
    }

    List<Found> scan(String product, Recorded history, Instant since, Exclusions declared) {
        this.exclusions = declared;
        List<Found> out = new ArrayList<>();
        Recorded.Track rows = null;
        for (Recorded.Track s : history.tracks()) {
            if (s.metric().equals("row_count") && s.column() == null) {
                rows = s;
            }
        }
        for (Recorded.Track s : history.tracks()) {
            MetricKind kind = MetricKind.of(s.metric());
            long[] t = s.at();
            double[] v = s.values();
            if (s.metric().equals("null_count")) {
                kind = MetricKind.NULL_RATE;
                long[] rt = new long[t.length];
                double[] rv = new double[t.length];
                int n = 0;
                // both series are sorted by time: walk them together, keeping the points with a row count
                int j = 0;
                for (int i = 0; rows != null && i < t.length; i++) {
                    while (j < rows.at().length && rows.at()[j] < t[i]) {
                        j++;
                    }
                    if (j < rows.at().length && rows.at()[j] == t[i] && rows.values()[j] > 0) {
                        rt[n] = t[i];
                        rv[n++] = v[i] / rows.values()[j];
                    }
                }
                t = Arrays.copyOf(rt, n);
                v = Arrays.copyOf(rv, n);
            }
            if (kind == null || t.length == 0) {
                continue;
            }
            judge(product, kind, s.column(), t, v, since, out);
        }
        return out;
    }

    private void judge(
            String product, MetricKind kind, String column, long[] t, double[] v, Instant since, List<Found> out) {
        if (kind == MetricKind.SCHEMA_CHANGE) {
            schemaChanges(product, column, t, v, since, out);
            return;
        }
        DetectorSettings settings = exclusions.settings(product, kind.wire, column, kind.settings(base));
        int n = t.length;
        int from = 0;
        while (from < n && t[from] < since.getEpochSecond()) {
            from++;
        }
        if (from == n) {
            return;
        }
        series++;
        points += n;
        if (n <= settings.minTraining()) {
            shortHistory++;
            return;
        }
        boolean[] excluded = exclusions.mask(product, kind.wire, column, t);
        if (excluded != null) {
            for (boolean b : excluded) {
                excludedPoints += b ? 1 : 0;
            }
        }
        boolean[] restart = exclusions.restarts(kind.wire, column, t, v, settings);
        detector.scan(t, v, n, from, excluded, restart, settings, scan);
        boolean judged = false;
        for (int k = from; k < n && !judged; k++) {
            judged = !Double.isNaN(scan.score(k));
        }
        if (!judged) {
            shortHistory++; // no point of the window could be judged
        }
        int i = 0;
        while (i < n) {
            if (!scan.anomalous(i)) {
                i++;
                continue;
            }
            int start = i;
            int peak = i;
            boolean shift = false;
            double sign = Math.signum(scan.score(i));
            while (i < n && scan.anomalous(i) && Math.signum(scan.score(i)) == sign) {
                if (Math.abs(scan.score(i)) > Math.abs(scan.score(peak))) {
                    peak = i;
                }
                shift |= scan.levelShift(i);
                i++;
            }
            if (i - 1 < from) {
                continue;
            }
            String what = kind.family == dev.meshpilot.mesh.anomaly.detect.Families.TIMING
                    ? "late"
                    : shift ? "level_shift" : sign < 0 ? "drop" : "spike";
            List<Double> recent = new ArrayList<>();
            for (int k = Math.max(0, n - RECENT); k < n; k++) {
                recent.add(v[k]);
            }
            out.add(new Found(
                    kind,
                    column == null ? kind.wire : kind.wire + ":" + column,
                    column,
                    what,
                    Instant.ofEpochSecond(t[start]),
                    v[peak],
                    scan.expected(peak),
                    scan.low(peak),
                    scan.high(peak),
                    scan.score(peak),
                    scan.training(peak),
                    scan.threshold(),
                    scan.seasonal(),
                    recent));
        }
    }
}
