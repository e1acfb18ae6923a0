package dev.meshpilot.bench;

import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Downstream closure (full depth) on a generated mesh: the in-memory {@link LineageGraph} against a SQLite
 * recursive CTE over the same store, side by side in one run. The CTE walks a product edge table
 * materialised from {@code product_port} ⋈ {@code lineage_edge} ⋈ {@code lineage_edge} ⋈ {@code product_port}
 * (the graph's own product edges, so both answer the same question from the same data); a few queries also
 * run the CTE over those joins directly. Every CTE answer is checked against the graph's. The store in
 * {@code work} is reused when it already holds the same mesh.
 */
public final class LineageBench {
    static final long SEED = 1;
    static final long CTE_BUDGET_NANOS = 180_000_000_000L;
    static final long JOIN_CTE_BUDGET_NANOS = 60_000_000_000L;
    static final String CTE = "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT e.dst FROM bench_product_edge e "
            + "JOIN down d ON e.src = d.id) SELECT id FROM down";
    static final String JOIN_CTE = "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT p2.product_id FROM down d "
            + "JOIN product_port p1 ON p1.product_id = d.id JOIN lineage_edge e1 ON e1.dataset_namespace = "
            + "p1.namespace AND e1.dataset_name = p1.name AND e1.direction = 'in' JOIN lineage_edge e2 ON "
            + "e2.job_namespace = e1.job_namespace AND e2.job_name = e1.job_name AND e2.direction = 'out' "
            + "JOIN product_port p2 ON p2.namespace = e2.dataset_namespace AND p2.name = e2.dataset_name) "
            + "SELECT id FROM down";

    private LineageBench() {}

    public static void run(int products, int fanIn, int queries, Path work, PrintStream out) {
        PrintWriter w = new PrintWriter(out, true);
        run(products, fanIn, queries, work, w);
        w.flush();
    }

    public static void run(int products, int fanIn, int queries, Path work, PrintWriter out) {
        MeshStore store = store(products, fanIn, work, out);
        long[] counts = store.withHandle(h -> new long[] {
            h.createQuery("SELECT count(*) FROM lineage_edge WHERE direction = 'in'")
                    .mapTo(long.class)
                    .one(),
            h.createQuery("SELECT count(*) FROM lineage_edge WHERE direction = 'out'")
                    .mapTo(long.class)
                    .one()
        });
        out.printf("store: lineage_edge %,d rows (%,d in + %,d out)%n", counts[0] + counts[1], counts[0], counts[1]);

        HeapPeak.reset();
        long before = usedHeap();
        long start = System.nanoTime();
        LineageGraph graph = LineageGraph.load(store);
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        long peak = HeapPeak.bytes();
        long retained = usedHeap() - before;
        out.printf(
                "graph: %,d products, %,d job-level edges, %,d product edges, %,d datasets; built in %,d ms; "
                        + "retained heap %,d MiB (estimate from its arrays %,d MiB), peak heap during build %,d MiB%n",
                graph.productCount(),
                graph.edgeCount(),
                graph.productEdgeCount(),
                graph.datasetCount(),
                buildMs,
                retained >> 20,
                graph.estimatedBytes() >> 20,
                peak >> 20);
        out.flush();

        List<String> ids = store.withHandle(h -> h.createQuery("SELECT id FROM product ORDER BY id")
                .mapTo(String.class)
                .list());
        Random random = new Random(42);
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            starts.add(ids.get(random.nextInt(ids.size())));
        }
        materialise(store, graph, out);

        for (int i = 0; i < Math.max(200, queries / 5); i++) {
            graph.products(ids.get(random.nextInt(ids.size())), Direction.DOWNSTREAM, Integer.MAX_VALUE);
        }
        long[] graphNanos = new long[starts.size()];
        long reached = 0;
        for (int i = 0; i < starts.size(); i++) {
            long t = System.nanoTime();
            List<ProductHop> hops = graph.products(starts.get(i), Direction.DOWNSTREAM, Integer.MAX_VALUE);
            graphNanos[i] = System.nanoTime() - t;
            reached += hops.size();
        }
        out.printf(
                "graph  downstream closure, %,d random starts (mean %,.0f products reached): %s%n",
                starts.size(), (double) reached / starts.size(), percentiles(graphNanos, graphNanos.length));
        out.flush();

        long[] cteNanos = new long[starts.size()];
        int[] ran = new int[2];
        int[] mismatches = new int[1];
        store.useHandle(h -> {
            Connection c = h.getConnection();
            cte(c, CTE, starts.subList(0, Math.min(3, starts.size())), graph, new long[3], new int[2], 0L);
            int done = cte(c, CTE, starts, graph, cteNanos, mismatches, CTE_BUDGET_NANOS);
            ran[0] = done;
            out.printf(
                    "sqlite recursive CTE over bench_product_edge, first %,d of the same starts (budget %d s): %s; "
                            + "result sets differing from the graph: %d%n",
                    done, CTE_BUDGET_NANOS / 1_000_000_000L, percentiles(cteNanos, done), mismatches[0]);
            out.flush();
            long[] graphSame = Arrays.copyOf(graphNanos, done);
            out.printf(
                    "ratio CTE / graph on those %,d starts: p50 %.0fx, p95 %.0fx, mean %.0fx%n",
                    done,
                    (double) Percentiles.nanos(cteNanos, done, 50) / Percentiles.nanos(graphSame, done, 50),
                    (double) Percentiles.nanos(cteNanos, done, 95) / Percentiles.nanos(graphSame, done, 95),
                    (double) sum(cteNanos, done) / sum(graphSame, done));
            long[] joinNanos = new long[Math.min(20, starts.size())];
            int[] joinMismatches = new int[1];
            ran[1] = cte(
                    c,
                    JOIN_CTE,
                    starts.subList(0, joinNanos.length),
                    graph,
                    joinNanos,
                    joinMismatches,
                    JOIN_CTE_BUDGET_NANOS);
            out.printf(
                    "sqlite recursive CTE over the port/edge joins (no materialised table): %d of the first %d starts "
                            + "finished within %d s: %s; differing: %d%n",
                    ran[1],
                    joinNanos.length,
                    JOIN_CTE_BUDGET_NANOS / 1_000_000_000L,
                    percentiles(joinNanos, ran[1]),
                    joinMismatches[0]);
        });
        out.flush();
    }

    private static MeshStore store(int products, int fanIn, Path work, PrintWriter out) {
        Path db = work.resolve("lineage-bench-" + products + "x" + fanIn + ".db");
        if (Files.exists(db)) {
            MeshStore store = MeshStore.open(db);
            if (store.count("product") == products && store.count("lineage_edge") > 0) {
                out.printf("reusing %s%n", db);
                return store;
            }
        }
        Path ws = work.resolve("workspace-" + products + "x" + fanIn);
        long t = System.nanoTime();
        GenerateResult g = new WorkspaceGenerator()
                .generate(GeneratorSpec.of(products, 1, SEED).withFanIn(fanIn), ws, Progress.NONE);
        out.printf(
                "generated %,d products (seed %d, fan-in %d, 1 day), %,d events, %,d lineage edges in %,d ms%n",
                g.products(), SEED, fanIn, g.events(), g.lineageEdges(), (System.nanoTime() - t) / 1_000_000);
        out.flush();
        MeshStore store = MeshStore.open(db);
        t = System.nanoTime();
        WorkspaceLoader.load(ws, store, Progress.NONE);
        out.printf("loaded into %s in %,d ms%n", db, (System.nanoTime() - t) / 1_000_000);
        out.flush();
        return store;
    }

    /** The product edge table the CTE walks, built by SQL from the store's joins, checked against the graph. */
    private static void materialise(MeshStore store, LineageGraph graph, PrintWriter out) {
        long t = System.nanoTime();
        long rows = store.inTransaction(h -> {
            h.execute("DROP TABLE IF EXISTS bench_product_edge");
            h.execute("CREATE TABLE bench_product_edge (src TEXT NOT NULL, dst TEXT NOT NULL, "
                    + "PRIMARY KEY (src, dst)) WITHOUT ROWID");
            return (long) h.execute("INSERT OR IGNORE INTO bench_product_edge SELECT p1.product_id, p2.product_id "
                    + "FROM product_port p1 JOIN lineage_edge e1 ON e1.dataset_namespace = p1.namespace "
                    + "AND e1.dataset_name = p1.name AND e1.direction = 'in' JOIN lineage_edge e2 ON "
                    + "e2.job_namespace = e1.job_namespace AND e2.job_name = e1.job_name AND e2.direction = 'out' "
                    + "JOIN product_port p2 ON p2.namespace = e2.dataset_namespace AND p2.name = e2.dataset_name "
                    + "WHERE p1.product_id <> p2.product_id");
        });
        out.printf(
                "materialised bench_product_edge: %,d rows in %,d ms (graph: %,d product edges)%n",
                rows, (System.nanoTime() - t) / 1_000_000, graph.productEdgeCount());
        out.flush();
    }

    /**
     * Runs the closure CTE for each start until the budget is spent; returns how many finished. A query still
     * running when the budget ends is cancelled from a watchdog thread ({@code Statement.cancel()}: a query
     * timeout would not stop a CPU-bound SQLite query) and not counted.
     */
    private static int cte(
            Connection c,
            String sql,
            List<String> starts,
            LineageGraph graph,
            long[] nanos,
            int[] mismatches,
            long budget) {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (budget > 0) {
                watchdog.schedule(
                        () -> {
                            s.cancel();
                            return null;
                        },
                        budget,
                        TimeUnit.NANOSECONDS);
            }
            long deadline = System.nanoTime() + budget;
            for (int i = 0; i < starts.size(); i++) {
                if (budget > 0 && System.nanoTime() > deadline) {
                    return i;
                }
                String start = starts.get(i);
                long t = System.nanoTime();
                Set<String> found = new HashSet<>();
                s.setString(1, start);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                } catch (SQLException e) {
                    if (budget > 0 && System.nanoTime() > deadline) {
                        return i; // cancelled by the watchdog
                    }
                    throw e;
                }
                nanos[i] = System.nanoTime() - t;
                found.remove(start);
                Set<String> expected = new HashSet<>();
                graph.products(start, Direction.DOWNSTREAM, Integer.MAX_VALUE)
                        .forEach(h -> expected.add(h.productId()));
                if (!found.equals(expected)) {
                    mismatches[0]++;
                }
            }
            return starts.size();
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark query failed: " + e.getMessage(), e);
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static String percentiles(long[] nanos, int n) {
        if (n == 0) {
            return "none ran";
        }
        return String.format(
                "p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms",
                Percentiles.nanos(nanos, n, 50) / 1e6,
                Percentiles.nanos(nanos, n, 95) / 1e6,
                Percentiles.nanos(nanos, n, 99) / 1e6,
                Percentiles.nanos(nanos, n, 100) / 1e6);
    }

    private static long sum(long[] nanos, int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += nanos[i];
        }
        return Math.max(1, s);
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
