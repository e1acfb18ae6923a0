package dev.meshpilot.bench;

import dev.meshpilot.mesh.anomaly.detect.Detector;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.LineageGrouper;
import dev.meshpilot.mesh.anomaly.detect.MetricDefaults;
import dev.meshpilot.mesh.anomaly.detect.Scan;
import dev.meshpilot.mesh.generate.SyntheticMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole-mesh sweep over a generated mesh's metrics with the agent's detector and grouping: every series
 * scanned (window from {@code from} on), a product's anomalous series folded into one event per day, events
 * grouped along lineage (ancestors three hops up). What the agent does per product, without the store and the
 * gate. Not thread-safe.
 */
final class AnomalySweep {
    static final int ANCESTOR_DEPTH = 3;
    private final SyntheticMetrics mesh;
    private final int from;
    private final Detector detector = new Detector();
    private final Scan scan = new Scan();
    private final DetectorSettings[] settings = new DetectorSettings[SyntheticMetrics.METRICS.size()];
    private final int[] families = new int[SyntheticMetrics.METRICS.size()];
    private final long[] times;
    private final double[] values;
    long points;

    AnomalySweep(SyntheticMetrics mesh, int from) {
        this.mesh = mesh;
        this.from = from;
        for (int m = 0; m < settings.length; m++) {
            String name = SyntheticMetrics.METRICS.get(m);
            settings[m] = MetricDefaults.of(name, DetectorSettings.DEFAULT);
            families[m] = MetricDefaults.family(name);
        }
        times = new long[mesh.days()];
        for (int d = 0; d < times.length; d++) {
            times[d] = mesh.time(d);
        }
        values = new double[mesh.days()];
    }

    /** One product's anomaly on one day: its families. */
    record Event(int product, int day, int families) {}

    /** Scans every series on one thread; returns the products' anomalies by day. */
    List<Event> detect() {
        return detect(0, mesh.products());
    }

    /**
     * Scans every series on {@code threads} threads, each with its own detector over a range of products;
     * returns the products' anomalies by day, in product order.
     */
    static List<Event> detect(SyntheticMetrics mesh, int from, int threads) {
        int n = mesh.products();
        int chunk = (n + threads - 1) / threads;
        List<java.util.concurrent.CompletableFuture<List<Event>>> parts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int lo = t * chunk;
            int hi = Math.min(n, lo + chunk);
            parts.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> new AnomalySweep(mesh, from).detect(lo, hi)));
        }
        List<Event> out = new ArrayList<>();
        parts.forEach(f -> out.addAll(f.join()));
        return out;
    }

    private List<Event> detect(int first, int last) {
        List<Event> out = new ArrayList<>();
        int days = mesh.days();
        int[] byDay = new int[days];
        for (int p = first; p < last; p++) {
            java.util.Arrays.fill(byDay, 0);
            for (int m = 0; m < settings.length; m++) {
                mesh.series(m, p, values);
                detector.scan(times, values, days, from, null, settings[m], scan);
                points += days;
                boolean in = false;
                for (int d = 0; d < days; d++) {
                    boolean a = scan.anomalous(d);
                    if (a && !in && d >= from) {
                        byDay[d] |= families[m];
                    }
                    in = a;
                }
            }
            for (int d = from; d < days; d++) {
                if (byDay[d] != 0) {
                    out.add(new Event(p, d, byDay[d]));
                }
            }
        }
        return out;
    }

    /** Groups the events along lineage. */
    List<LineageGrouper.Group> group(List<Event> events) {
        List<LineageGrouper.Event> in = new ArrayList<>();
        Map<String, Map<String, Integer>> ancestors = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            String id = mesh.id(e.product());
            ancestors.computeIfAbsent(id, k -> ancestors(e.product()));
            in.add(new LineageGrouper.Event(i, id, e.families(), mesh.time(e.day()), 86_400, 0));
        }
        return LineageGrouper.group(in, ancestors::get);
    }

    private Map<String, Integer> ancestors(int product) {
        Map<String, Integer> out = new HashMap<>();
        List<Integer> frontier = List.of(product);
        for (int hop = 1; hop <= ANCESTOR_DEPTH && !frontier.isEmpty(); hop++) {
            List<Integer> next = new ArrayList<>();
            for (int p : frontier) {
                for (int u : mesh.upstream(p)) {
                    if (out.putIfAbsent(mesh.id(u), hop) == null) {
                        next.add(u);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }
}
