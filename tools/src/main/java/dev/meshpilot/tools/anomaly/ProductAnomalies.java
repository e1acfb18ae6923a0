package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.activity.Recorded;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.Families;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges one product's history over a window: each anomalous series found by {@link ProductScan}, folded into
 * one anomaly per moment (metrics that moved together within six hours), and the product reported stale when
 * its next run is overdue at the end of the window. Keeps counts over every product it judged. Not
 * thread-safe.
 */
public final class ProductAnomalies {
    static final long TOGETHER_SECONDS = 6 * 3600;
    /** A run is overdue this long after its usual cycle (or four spreads of its end time, if more). */
    static final long OVERDUE_SECONDS = 3600;
    /** Scores are reported up to this size: past it (a change from a flat zero) the number says nothing more. */
    static final double SCORE_SHOWN = 9999;

    private final Instant since;
    private final Instant until;
    private final DetectorSettings settings;
    private final ProductScan scan;

    public ProductAnomalies(DetectorSettings settings, Instant since, Instant until) {
        this.settings = settings;
        this.scan = new ProductScan(settings);
        this.since = since;
        this.until = until;
    }

    /** Series judged so far. */
    public int series() {
        return scan.series;
    }

    /** Points read so far. */
    public int points() {
        return scan.points;
    }

    /** Series too short to judge. */
    public int shortHistory() {
        return scan.shortHistory;
    }

    /** Points inside declared windows. */
    public int excludedPoints() {
        return scan.excludedPoints;
    }

    /** The anomalies of one product in the window, oldest first. */
    public List<MetricAnomaly> judge(String product, Recorded history) {
        List<MetricAnomaly> events = new ArrayList<>();
        Exclusions exclusions = Exclusions.of(history.rules());
        List<ProductScan.Found> found = new ArrayList<>(scan.scan(product, history, since, exclusions));
        long cycle = cycle(history);
        stale(product, history, cycle, exclusions).ifPresent(found::add);
        found.sort(Comparator.comparing((ProductScan.Found f) -> f.kind() == MetricKind.SCHEMA_CHANGE)
                .thenComparing(ProductScan.Found::since));
        List<List<ProductScan.Found>> moments = new ArrayList<>();
        for (ProductScan.Found f : found) {
            List<ProductScan.Found> last = moments.isEmpty() ? null : moments.getLast();
            // schema changes are moments of their own (a column change is not a metric moving)
            boolean schema = f.kind() == MetricKind.SCHEMA_CHANGE;
            if (last != null
                    && (last.getFirst().kind() == MetricKind.SCHEMA_CHANGE) == schema
                    && f.since().getEpochSecond() - last.getFirst().since().getEpochSecond() <= TOGETHER_SECONDS) {
                last.add(f);
            } else {
                moments.add(new ArrayList<>(List.of(f)));
            }
        }
        for (List<ProductScan.Found> m : moments) {
            m.sort(Comparator.comparingInt((ProductScan.Found f) -> f.kind().priority)
                    .thenComparing(f -> -Math.abs(f.score())));
            ProductScan.Found p = m.getFirst();
            int families = 0;
            Set<String> also = new LinkedHashSet<>();
            for (ProductScan.Found f : m) {
                families |= f.kind().family;
                if (f != p && also.size() < 8) {
                    also.add(f.metric());
                }
            }
            events.add(new MetricAnomaly(
                    product,
                    Families.name(p.kind().family),
                    p.metric(),
                    p.column(),
                    p.what(),
                    p.since(),
                    round(p.observed()),
                    round(p.expected()),
                    round(p.low()),
                    round(p.high()),
                    Math.round(Math.max(-SCORE_SHOWN, Math.min(SCORE_SHOWN, p.score())) * 100) / 100.0,
                    p.training(),
                    p.threshold(),
                    p.seasonal(),
                    List.copyOf(also),
                    p.recent().stream().map(ProductAnomalies::round).toList(),
                    families,
                    cycle));
        }
        return events;
    }

    /** The product's run cycle: the median gap between its row counts (or run ends), a day when unknown. */
    static long cycle(Recorded history) {
        for (String metric : List.of("row_count", "end_offset_s")) {
            for (Recorded.Track s : history.tracks()) {
                if (s.metric().equals(metric) && s.at().length >= 3) {
                    long[] gaps = new long[s.at().length - 1];
                    for (int i = 1; i < s.at().length; i++) {
                        gaps[i - 1] = s.at()[i] - s.at()[i - 1];
                    }
                    Arrays.sort(gaps);
                    return Math.max(60, gaps[gaps.length / 2]);
                }
            }
        }
        return 86_400;
    }

    /** The product's next run overdue at the end of the window: no completion since one cycle and a margin. */
    private java.util.Optional<ProductScan.Found> stale(
            String product, Recorded history, long cycle, Exclusions exclusions) {
        Recorded.Track ends = history.tracks().stream()
                .filter(s -> s.metric().equals("end_offset_s"))
                .findFirst()
                .orElse(null);
        if (ends == null || ends.at().length < settings.minTraining()) {
            return java.util.Optional.empty();
        }
        double[] offsets = ends.values();
        double[] sorted = offsets.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        double[] dev = new double[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            dev[i] = Math.abs(offsets[i] - median);
        }
        Arrays.sort(dev);
        double spread = Math.max(600, 1.4826 * dev[dev.length / 2]);
        long last = ends.at()[ends.at().length - 1];
        long due = last + cycle;
        long margin = Math.max(OVERDUE_SECONDS, (long) (4 * spread));
        long now = until.getEpochSecond();
        if (now <= due + margin || due < since.getEpochSecond()) {
            return java.util.Optional.empty();
        }
        boolean[] excluded = exclusions.mask(product, "freshness_h", null, new long[] {due});
        if (excluded != null && excluded[0]) {
            return java.util.Optional.empty();
        }
        double ageHours = (now - last) / 3600.0;
        double cycleHours = cycle / 3600.0;
        List<Double> recent = new ArrayList<>();
        for (int k = Math.max(0, offsets.length - ProductScan.RECENT); k < offsets.length; k++) {
            recent.add(offsets[k] / 3600.0);
        }
        return java.util.Optional.of(new ProductScan.Found(
                MetricKind.FRESHNESS,
                MetricKind.FRESHNESS.wire,
                null,
                "stale",
                Instant.ofEpochSecond(due),
                ageHours,
                cycleHours,
                0,
                (cycle + margin) / 3600.0,
                (now - due) / spread,
                ends.at().length,
                settings.threshold(),
                false,
                recent));
    }

    static double round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        double a = Math.abs(v);
        double scale = a >= 1000 ? 1 : a >= 1 ? 100 : 10000;
        return Math.round(v * scale) / scale;
    }
}
