package dev.meshpilot.agents.triage;

import dev.meshpilot.mesh.anomaly.detect.Detector;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.MetricDefaults;
import dev.meshpilot.mesh.anomaly.detect.Scan;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.tools.activity.MetricHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one product's {@code metric_history} for signs of bad data in its latest load before the onset
 * (pattern 2 of issue #16: data problems several hops upstream): the anomalies agent's {@link Detector} judges
 * null rates and row counts against their own history (its defaults for each kind, {@link MetricDefaults}, with
 * a shorter least history since triage looks at one load, not a sweep); a column that was distinct in every
 * earlier load and is not in the latest is a duplicated key; failed checks and columns removed or retyped in
 * the window are reported as such. Histories too short for the detector are judged by plain ratios against the
 * median of the earlier loads. Not thread-safe (one detector per instance).
 */
final class MetricSigns {
    /** One sign: its class, what the numbers show, and how strongly it points at this product (0..1). */
    record Sign(String errorClass, String summary, double strength, boolean failedChecks, Instant at) {}

    /** Triage judges one load, so it accepts a shorter history than a sweep; no backtest on so little. */
    static final DetectorSettings SETTINGS = new DetectorSettings(
            DetectorSettings.Scoring.MAD,
            4.0,
            28,
            5,
            DetectorSettings.Direction.BOTH,
            0.2,
            Double.NaN,
            DetectorSettings.Seasonality.NONE,
            3,
            0);

    private final Detector detector = new Detector();
    private final Scan scan = new Scan();

    /** The signs of {@code h}'s points in [{@code from}, {@code until}]. */
    List<Sign> read(String product, MetricHistory h, Instant from, Instant until) {
        List<Sign> out = new ArrayList<>();
        Map<Long, Double> rows = new HashMap<>();
        MetricHistory.Series rowSeries = null;
        for (MetricHistory.Series s : h.series()) {
            if (s.metric().equals("row_count")) {
                rowSeries = s;
                for (int i = 0; i < s.at().size(); i++) {
                    rows.put(s.at().get(i), s.values().get(i));
                }
            }
        }
        long lo = from.getEpochSecond();
        long hi = until.getEpochSecond();
        for (MetricHistory.Series s : h.series()) {
            switch (s.metric()) {
                case "failed_checks" -> failedChecks(product, s, lo, hi, out);
                case "schema_change" -> schemaChange(product, s, lo, hi, out);
                case "null_count" -> nulls(product, s, rows, lo, hi, out);
                case "distinct_count" -> duplicates(product, s, rows, lo, hi, out);
                default -> {}
            }
        }
        if (rowSeries != null) {
            volume(product, rowSeries, lo, hi, out);
        }
        return out;
    }

    private static void failedChecks(String product, MetricHistory.Series s, long lo, long hi, List<Sign> out) {
        for (int i = s.at().size() - 1; i >= 0; i--) {
            long t = s.at().get(i);
            if (t >= lo && t <= hi && s.values().get(i) > 0) {
                out.add(new Sign(
                        ErrorClass.UNKNOWN.wireName(),
                        String.format(
                                Locale.ROOT,
                                "%s failed %.0f data quality check(s) at %s",
                                product,
                                s.values().get(i),
                                Instant.ofEpochSecond(t)),
                        0.7,
                        true,
                        Instant.ofEpochSecond(t)));
                return;
            }
        }
    }

    private static void schemaChange(String product, MetricHistory.Series s, long lo, long hi, List<Sign> out) {
        for (int i = 0; i < s.at().size(); i++) {
            long t = s.at().get(i);
            double v = s.values().get(i);
            if (t >= lo && t <= hi && v != 1) { // an added column breaks no reader
                out.add(new Sign(
                        ErrorClass.SCHEMA_MISMATCH.wireName(),
                        product + "'s column " + s.column() + (v > 1 ? " changed type" : " disappeared") + " at "
                                + Instant.ofEpochSecond(t) + " (OpenLineage schema facets)",
                        0.8,
                        false,
                        Instant.ofEpochSecond(t)));
                return;
            }
        }
    }

    private void nulls(
            String product, MetricHistory.Series s, Map<Long, Double> rows, long lo, long hi, List<Sign> out) {
        List<long[]> times = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < s.at().size() && s.at().get(i) <= hi; i++) {
            Double r = rows.get(s.at().get(i));
            if (r != null && r > 0) {
                times.add(new long[] {s.at().get(i)});
                rates.add(s.values().get(i) / r);
            }
        }
        int last = rates.size() - 1;
        if (last < 2 || times.get(last)[0] < lo) {
            return;
        }
        double rate = rates.get(last);
        double usual = median(rates.subList(0, last));
        boolean jump = judge("null_rate", times, rates) > 0 || (last < SETTINGS.minTraining() && rate >= 3 * usual);
        if (jump && rate >= 0.05 && rate - usual >= 0.05) {
            out.add(new Sign(
                    ErrorClass.NULL_EXPLOSION.wireName(),
                    String.format(
                            Locale.ROOT,
                            "%s.%s is null in %.1f%% of the rows of the load at %s, against %.1f%% usually",
                            product,
                            s.column(),
                            rate * 100,
                            Instant.ofEpochSecond(times.get(last)[0]),
                            usual * 100),
                    0.72,
                    false,
                    Instant.ofEpochSecond(times.get(last)[0])));
        }
    }

    private static void duplicates(
            String product, MetricHistory.Series s, Map<Long, Double> rows, long lo, long hi, List<Sign> out) {
        int n = 0;
        int last = -1;
        boolean keyBefore = true;
        for (int i = 0; i < s.at().size() && s.at().get(i) <= hi; i++) {
            Double r = rows.get(s.at().get(i));
            if (r == null || r <= 0) {
                continue;
            }
            if (last >= 0) {
                Double lr = rows.get(s.at().get(last));
                keyBefore &= s.values().get(last) >= lr * 0.999;
            }
            last = i;
            n++;
        }
        if (n < 2 || !keyBefore || s.at().get(last) < lo) {
            return;
        }
        double r = rows.get(s.at().get(last));
        double share = 1 - s.values().get(last) / r;
        if (share >= 0.01) {
            out.add(new Sign(
                    ErrorClass.DUPLICATE_KEYS.wireName(),
                    String.format(
                            Locale.ROOT,
                            "%s's load at %s wrote %,.0f rows but only %,.0f distinct %s values (%.1f%% duplicated);"
                                    + " earlier loads had none",
                            product,
                            Instant.ofEpochSecond(s.at().get(last)),
                            r,
                            s.values().get(last),
                            s.column(),
                            share * 100),
                    Math.min(0.9, 0.6 + share),
                    false,
                    Instant.ofEpochSecond(s.at().get(last))));
        }
    }

    /** A load much smaller than usual: part of the data did not arrive. */
    private void volume(String product, MetricHistory.Series s, long lo, long hi, List<Sign> out) {
        List<long[]> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < s.at().size() && s.at().get(i) <= hi; i++) {
            times.add(new long[] {s.at().get(i)});
            values.add(s.values().get(i));
        }
        int last = values.size() - 1;
        if (last < 2 || times.get(last)[0] < lo) {
            return;
        }
        double usual = median(values.subList(0, last));
        double v = values.get(last);
        boolean drop = judge("row_count", times, values) < 0 || (last < SETTINGS.minTraining() && v <= 0.7 * usual);
        if (drop && usual > 0 && v <= 0.8 * usual) {
            out.add(new Sign(
                    ErrorClass.UPSTREAM_LATE.wireName(),
                    String.format(
                            Locale.ROOT,
                            "%s's load at %s wrote %,.0f rows, %.0f%% fewer than its usual %,.0f: part of its input"
                                    + " had not arrived",
                            product,
                            Instant.ofEpochSecond(times.get(last)[0]),
                            v,
                            (1 - v / usual) * 100,
                            usual),
                    0.65,
                    false,
                    Instant.ofEpochSecond(times.get(last)[0])));
        }
    }

    /** The detector's verdict on the last point: its score's sign when anomalous, else 0. */
    private double judge(String metric, List<long[]> times, List<Double> values) {
        int n = values.size();
        if (n <= SETTINGS.minTraining()) {
            return 0;
        }
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = times.get(i)[0];
            v[i] = values.get(i);
        }
        detector.scan(t, v, n, n - 1, null, MetricDefaults.of(metric, SETTINGS), scan);
        return scan.anomalous(n - 1) ? Math.signum(scan.score(n - 1)) : 0;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? 0 : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
