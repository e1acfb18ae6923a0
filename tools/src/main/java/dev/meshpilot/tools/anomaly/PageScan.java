package dev.meshpilot.tools.anomaly;

import dev.meshpilot.mesh.activity.Recorded;
import dev.meshpilot.mesh.anomaly.detect.DetectorSettings;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.tools.MeshView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One page of {@code scan_metrics}: products are judged a block at a time on every core (each worker with its own
 * detector), then taken in order until the page is full — {@link ScanMetricsTool#MAX_BYTES} of anomalies,
 * {@link ScanMetricsTool#MAX_ANOMALIES}, {@link ScanMetricsTool#PAGE_NANOS} of work, or a cancelled call — so the
 * page holds exactly what a scan in one thread would have, and at most one block's work past the cut is
 * thrown away. Not thread-safe; one per call.
 */
final class PageScan {
    /** Products judged between two checks of the page's limits. */
    static final int BLOCK = 256;

    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService POOL = Executors.newFixedThreadPool(WORKERS, r -> {
        Thread t = new Thread(r, "meshpilot-scan");
        t.setDaemon(true);
        return t;
    });

    private final MeshView mesh;
    private final ToolContext context;
    private final Instant since;
    private final Instant until;
    private final Instant historySince;

    int judged;
    int series;
    int points;
    int shortHistory;
    int excludedPoints;
    final List<MetricScan.Product> found = new ArrayList<>();

    PageScan(MeshView mesh, ToolContext context, Instant since, Instant until, Instant historySince) {
        this.mesh = mesh;
        this.context = context;
        this.since = since;
        this.until = until;
        this.historySince = historySince;
    }

    /** One product judged: its anomalies and what judging it counted. */
    private record Judged(
            String id, List<MetricAnomaly> events, int series, int points, int shortHistory, int excluded) {}

    void scan(List<String> slice) {
        int anomalies = 0;
        long bytes = 0;
        long stop = System.nanoTime() + ScanMetricsTool.PAGE_NANOS;
        for (int from = 0; from < slice.size(); from += BLOCK) {
            List<Judged> block = judge(slice.subList(from, Math.min(slice.size(), from + BLOCK)));
            for (Judged j : block) {
                if (bytes >= ScanMetricsTool.MAX_BYTES
                        || anomalies >= ScanMetricsTool.MAX_ANOMALIES
                        || System.nanoTime() > stop
                        || context.cancelled().getAsBoolean()) {
                    return;
                }
                judged++;
                series += j.series();
                points += j.points();
                shortHistory += j.shortHistory();
                excludedPoints += j.excluded();
                if (j.events().isEmpty()) {
                    continue;
                }
                ProductView view = mesh.productViews().get(j.id()).orElseThrow();
                MetricScan.Product p = new MetricScan.Product(
                        j.id(),
                        view.criticality(),
                        view.owner(),
                        mesh.lineage()
                                .products(j.id(), Direction.DOWNSTREAM, 10)
                                .size(),
                        j.events());
                found.add(p);
                anomalies += j.events().size();
                bytes += Json.write(p).getBytes(StandardCharsets.UTF_8).length;
            }
        }
    }

    /** Judges a block, split in contiguous runs across the workers; results in the block's order. */
    private List<Judged> judge(List<String> block) {
        int parts = Math.min(WORKERS, Math.max(1, block.size() / 16));
        if (parts == 1) {
            return judgeRun(block);
        }
        List<Future<List<Judged>>> runs = new ArrayList<>(parts);
        int size = (block.size() + parts - 1) / parts;
        for (int i = 0; i < block.size(); i += size) {
            List<String> run = block.subList(i, Math.min(block.size(), i + size));
            runs.add(POOL.submit(() -> judgeRun(run)));
        }
        List<Judged> out = new ArrayList<>(block.size());
        try {
            for (Future<List<Judged>> f : runs) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            runs.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan_metrics was interrupted", e);
        } catch (ExecutionException e) {
            runs.forEach(f -> f.cancel(true));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    private List<Judged> judgeRun(List<String> ids) {
        ProductAnomalies detector = new ProductAnomalies(DetectorSettings.DEFAULT, since, until);
        List<Judged> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            int s = detector.series();
            int p = detector.points();
            int h = detector.shortHistory();
            int x = detector.excludedPoints();
            Optional<Recorded> history = mesh.histories().read(id, historySince, until);
            List<MetricAnomaly> events = history.map(r -> detector.judge(id, r)).orElse(List.of());
            out.add(new Judged(
                    id,
                    events,
                    detector.series() - s,
                    detector.points() - p,
                    detector.shortHistory() - h,
                    detector.excludedPoints() - x));
        }
        return out;
    }
}
