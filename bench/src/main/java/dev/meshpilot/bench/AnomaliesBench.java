package dev.meshpilot.bench;

import dev.meshpilot.mesh.anomaly.detect.Detector;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.anomaly.detect.LineageGrouper;
import dev.meshpilot.mesh.anomaly.detect.Scan;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.Injections;
import dev.meshpilot.mesh.generate.SyntheticMetrics;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code meshpilot bench anomalies}: the detector's scan rate on one core, the whole-mesh sweep's latency
 * (detection, folding and grouping over products × days × 6 metrics), and the detection quality against the
 * generator's ground truth (group precision, recall, root accuracy) and on a clean mesh (false alerts).
 */
final class AnomaliesBench {
    private AnomaliesBench() {}

    static void run(int products, int days, int anomalies, int sweeps, PrintWriter out) {
        GeneratorSpec spec = GeneratorSpec.of(products, days, 7);
        long t0 = System.nanoTime();
        SyntheticMetrics injected = SyntheticMetrics.of(spec, anomalies);
        SyntheticMetrics clean = SyntheticMetrics.of(spec, 0);
        out.printf(
                Locale.ROOT,
                "anomalies: %d products x %d days x 6 metrics = %,d points; %d injected (%d asked), "
                        + "generated in %.1f s%n",
                products,
                days,
                (long) products * days * 6,
                injected.truth().size(),
                anomalies,
                (System.nanoTime() - t0) / 1e9);
        int from = Math.min(30, days - 1);
        scanRate(injected, from, out);
        long[] nanos = new long[sweeps];
        List<LineageGrouper.Group> groups = null;
        AnomalySweep last = null;
        for (int i = 0; i < sweeps; i++) {
            long s = System.nanoTime();
            AnomalySweep sweep = new AnomalySweep(injected, from);
            List<AnomalySweep.Event> events = sweep.detect();
            groups = sweep.group(events);
            nanos[i] = System.nanoTime() - s;
            last = sweep;
        }
        out.printf(
                Locale.ROOT,
                "sweep (detect + fold + group, one thread): p50 %.0f ms, p95 %.0f ms over %d sweeps; " + "%d groups%n",
                Percentiles.millis(nanos, 50),
                Percentiles.millis(nanos, 95),
                sweeps,
                groups.size());
        int threads = Runtime.getRuntime().availableProcessors();
        long[] parallel = new long[sweeps];
        for (int i = 0; i < sweeps; i++) {
            long s = System.nanoTime();
            List<AnomalySweep.Event> events = AnomalySweep.detect(injected, from, threads);
            int found = new AnomalySweep(injected, from).group(events).size();
            parallel[i] = System.nanoTime() - s;
            if (found != groups.size()) {
                throw new IllegalStateException("the parallel sweep found " + found + " groups, not " + groups.size());
            }
        }
        out.printf(
                Locale.ROOT,
                "sweep (detect on %d threads + fold + group): p50 %.0f ms, p95 %.0f ms over %d " + "sweeps%n",
                threads,
                Percentiles.millis(parallel, 50),
                Percentiles.millis(parallel, 95),
                sweeps);
        quality(injected, groups, from, out);
        AnomalySweep cleanSweep = new AnomalySweep(clean, from);
        List<LineageGrouper.Group> falseGroups = cleanSweep.group(cleanSweep.detect());
        double perProductMonth = falseGroups.size() / (double) products / ((days - from) / 30.0);
        out.printf(
                Locale.ROOT,
                "clean mesh: %d groups (false alerts) over %d products x %d judged days = %.4f per "
                        + "product per 30 days%n",
                falseGroups.size(),
                products,
                days - from,
                perProductMonth);
        if (last == null) {
            throw new IllegalStateException("no sweep ran");
        }
    }

    /** Points per second of the bare detector over every series, best of three passes, one thread. */
    private static void scanRate(SyntheticMetrics mesh, int from, PrintWriter out) {
        Detector d = new Detector();
        Scan scan = new Scan();
        int days = mesh.days();
        long[] times = new long[days];
        for (int i = 0; i < days; i++) {
            times[i] = mesh.time(i);
        }
        double[] v = new double[days];
        double best = 0;
        for (int pass = 0; pass < 3; pass++) {
            long points = 0;
            long s = System.nanoTime();
            for (int p = 0; p < mesh.products(); p++) {
                for (int m = 0; m < SyntheticMetrics.METRICS.size(); m++) {
                    mesh.series(m, p, v);
                    d.scan(times, v, days, from, null, DetectorSettings.DEFAULT, scan);
                    points += days;
                }
            }
            best = Math.max(best, points / ((System.nanoTime() - s) / 1e9));
        }
        out.printf(Locale.ROOT, "scan: %.2f M points/s on one core (best of 3 passes)%n", best / 1e6);
    }

    private static void quality(SyntheticMetrics mesh, List<LineageGrouper.Group> groups, int from, PrintWriter out) {
        Map<String, List<Injections.Truth>> byProduct = new HashMap<>();
        for (Injections.Truth t : mesh.truth()) {
            byProduct
                    .computeIfAbsent(t.root(), k -> new java.util.ArrayList<>())
                    .add(t);
            t.echoes()
                    .forEach(e -> byProduct
                            .computeIfAbsent(e, k -> new java.util.ArrayList<>())
                            .add(t));
        }
        int matched = 0;
        Set<Injections.Truth> recalled = new HashSet<>();
        Set<Injections.Truth> rightRoot = new HashSet<>();
        for (LineageGrouper.Group g : groups) {
            int day = day(mesh, g.root().start());
            Injections.Truth hit = null;
            for (Injections.Truth t : byProduct.getOrDefault(g.root().product(), List.of())) {
                if (Math.abs(t.day() - day) <= 1) {
                    hit = t;
                }
            }
            if (hit == null) {
                continue;
            }
            matched++;
            recalled.add(hit);
            if (hit.root().equals(g.root().product())) {
                rightRoot.add(hit);
            }
        }
        int truths = (int) mesh.truth().stream().filter(t -> t.day() >= from).count();
        out.printf(
                Locale.ROOT,
                "quality: group precision %.3f (%d of %d groups match an injection), recall %.3f "
                        + "(%d of %d injections found), root accuracy %.3f (%d of %d found with the injected root)%n",
                groups.isEmpty() ? 0 : matched / (double) groups.size(),
                matched,
                groups.size(),
                truths == 0 ? 0 : recalled.size() / (double) truths,
                recalled.size(),
                truths,
                recalled.isEmpty() ? 0 : rightRoot.size() / (double) recalled.size(),
                rightRoot.size(),
                recalled.size());
        Map<String, int[]> kinds = new HashMap<>();
        for (Injections.Truth t : mesh.truth()) {
            int[] k = kinds.computeIfAbsent(t.kind(), x -> new int[2]);
            k[0]++;
            k[1] += recalled.contains(t) ? 1 : 0;
        }
        StringBuilder s = new StringBuilder("recall by kind:");
        Injections.KINDS.forEach(k -> {
            int[] c = kinds.getOrDefault(k, new int[2]);
            s.append(String.format(Locale.ROOT, " %s %d/%d", k, c[1], c[0]));
        });
        out.println(s);
    }

    private static int day(SyntheticMetrics mesh, long epochSecond) {
        return (int) ((epochSecond - mesh.time(0)) / 86_400);
    }
}
