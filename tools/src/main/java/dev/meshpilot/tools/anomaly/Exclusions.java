package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the workspace declares for a product's series: windows whose points neither train nor alert
 * (exclusions such as backfills and holidays, and anomalies marked expected or fixed), and settings that
 * override the defaults for a product or one of its metrics.
 */
final class Exclusions {
    static final Exclusions NONE = new Exclusions(List.of());
    static final String ACKNOWLEDGED = "acknowledged";

    /**
     * One declared rule. {@code metric} is a series name as reported ({@code row_count},
     * {@code null_rate:email}) or null for all; {@code settings} is null for a window.
     */
    record Rule(String kind, String metric, Instant from, Instant to, Map<String, String> settings) {}

    private final List<Rule> rules;

    Exclusions(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The rules a product's recorded series carry. */
    static Exclusions of(List<dev.meshpilot.mesh.anomaly.AnomalyRule> declared) {
        return new Exclusions(declared.stream()
                .map(r -> new Rule(
                        r.kind(), r.metric(), r.from(), r.to(), r.kind().equals("settings") ? r.settings() : null))
                .toList());
    }

    /** The points of {@code times} inside a window for this series, or null when none is. */
    boolean[] mask(String product, String metric, String column, long[] times) {
        boolean[] out = null;
        for (Rule r : rules) {
            if (r.settings() != null || r.kind().equals(ACKNOWLEDGED) || !matches(r.metric(), metric, column)) {
                continue;
            }
            for (int i = 0; i < times.length; i++) {
                if (times[i] >= r.from().getEpochSecond() && times[i] < r.to().getEpochSecond()) {
                    if (out == null) {
                        out = new boolean[times.length];
                    }
                    out[i] = true;
                }
            }
        }
        return out;
    }

    /**
     * The points where this series' training restarts on a new level, or null when none does: the first point of
     * an {@code acknowledged} window (the shift is the new normal from there), and the first point after an
     * {@code expected} window when the series stayed at the window's level (a level shift the team expected, not
     * a one-off that went back).
     */
    boolean[] restarts(String metric, String column, long[] times, double[] values, DetectorSettings s) {
        boolean[] out = null;
        for (Rule r : rules) {
            boolean ack = r.kind().equals(ACKNOWLEDGED);
            if (r.settings() != null || !(ack || r.kind().equals("expected")) || !matches(r.metric(), metric, column)) {
                continue;
            }
            int start = first(times, r.from().getEpochSecond());
            int end = first(times, r.to().getEpochSecond());
            int at = ack ? start : end;
            if (at >= times.length || (!ack && !LevelCheck.persisted(values, start, end, s))) {
                continue;
            }
            if (out == null) {
                out = new boolean[times.length];
            }
            out[at] = true;
        }
        return out;
    }

    private static int first(long[] times, long t) {
        int i = 0;
        while (i < times.length && times[i] < t) {
            i++;
        }
        return i;
    }

    /**
     * Whether a rule's metric names this series: none (every series), its metric ({@code null_rate}),
     * {@code row_count} for every volume series (bytes, distinct counts and sums move with the rows), or a
     * series of the same column ({@code null_rate:email} covers {@code distinct_count:email} too: feedback on
     * an anomaly covers what moved with it in that column).
     */
    static boolean matches(String rule, String metric, String column) {
        if (rule == null || rule.equals(metric)) {
            return true;
        }
        if (rule.equals("row_count")) {
            MetricKind k = MetricKind.of(metric);
            return k != null && k.family == dev.meshpilot.mesh.anomaly.detect.Families.VOLUME;
        }
        int colon = rule.indexOf(':');
        return colon > 0 && column != null && rule.substring(colon + 1).equals(column);
    }

    /** {@code settings} with the overrides declared for this series applied, product-wide ones first. */
    DetectorSettings settings(String product, String metric, String column, DetectorSettings settings) {
        String name = column == null ? metric : metric + ":" + column;
        DetectorSettings out = settings;
        for (int pass = 0; pass < 2; pass++) {
            for (Rule r : rules) {
                boolean productWide = r.metric() == null;
                if (r.settings() == null || productWide != (pass == 0)) {
                    continue;
                }
                if (productWide || r.metric().equals(name) || r.metric().equals(metric)) {
                    out = Overrides.apply(out, r.settings());
                }
            }
        }
        return out;
    }
}
