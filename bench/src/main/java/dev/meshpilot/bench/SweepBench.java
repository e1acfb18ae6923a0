package dev.meshpilot.bench;

import dev.meshpilot.agents.anomalies.AnomaliesAgent;
import dev.meshpilot.agents.anomalies.AnomaliesReport;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.openlineage.LineageIngestor;
import dev.meshpilot.mesh.openlineage.RunEvent;
import dev.meshpilot.mesh.openlineage.RunEventParser;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.wiring.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code meshpilot bench anomalies-sweep}: whole-mesh anomaly sweeps end to end, as {@code meshpilot anomalies}
 * and a scheduled sweep run them — the catalog's anomalies agent in playbook mode through the sandbox's runner,
 * the real gate with its default limits, every tool call audited — over a generated mesh with injected anomalies
 * loaded into a real store. Times the first sweep (every product read from the store), sweeps after it (the
 * series held in memory), and sweeps that each follow an ingest of new events for {@value #LIVE} products (those
 * read again).
 */
final class SweepBench {
    static final long SEED = 7;
    static final String PRINCIPAL = "svc-scheduler";
    /** Products given a new event before each live sweep. */
    static final int LIVE = 100;

    private SweepBench() {}

    static void run(int products, int days, int anomalies, int sweeps, Path work, PrintWriter out) throws IOException {
        Path home = work.resolve("sweep-home-" + products + "x" + days);
        Files.createDirectories(home);
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        if (store.count("product") != products) {
            Path ws = work.resolve("sweep-workspace-" + products + "x" + days);
            long t = System.nanoTime();
            GenerateResult g = new WorkspaceGenerator()
                    .generate(GeneratorSpec.of(products, days, SEED), ws, Progress.NONE, anomalies);
            out.printf("generated %,d products, %,d events in %,d ms%n", g.products(), g.events(), ms(t));
            out.flush();
            t = System.nanoTime();
            WorkspaceLoader.load(ws, store, Progress.NONE);
            out.printf("loaded in %,d ms%n", ms(t));
        } else {
            out.printf("reusing %s%n", store.file());
        }
        out.flush();
        try (Sandbox sandbox = Sandbox.open(home, store, Limits.DEFAULT)) {
            Principal who = sandbox.principals().resolve(PRINCIPAL);
            long t = System.nanoTime();
            AgentRun<AnomaliesReport> first = sweep(sandbox, who);
            out.printf(Locale.ROOT, "first sweep (series read from the store): %,d ms%n", ms(t));
            describe(first, out);
            long[] warm = time(sandbox, who, sweeps, null);
            report("sweeps with the series in memory", warm, out);
            long[] live = time(sandbox, who, sweeps, store);
            report("sweeps each after " + LIVE + " products got a new event", live, out);
            AgentRun<AnomaliesReport> last = sweep(sandbox, who);
            out.printf(
                    "the last sweep found %d groups (the first %d): the events after the mesh's asOf change nothing "
                            + "it judges%n",
                    last.report().groups().size(), first.report().groups().size());
            out.flush();
        }
    }

    private static long[] time(Sandbox sandbox, Principal who, int sweeps, MeshStore ingestInto) {
        long[] nanos = new long[sweeps];
        for (int i = 0; i < sweeps; i++) {
            if (ingestInto != null) {
                ingestNewDay(ingestInto, i);
            }
            long s = System.nanoTime();
            AgentRun<AnomaliesReport> run = sweep(sandbox, who);
            nanos[i] = System.nanoTime() - s;
            if (!run.report().sweep().complete()) {
                throw new IllegalStateException(
                        "a timed sweep did not cover the mesh: " + run.report().sweep());
            }
        }
        return nanos;
    }

    /**
     * One completed run of each of {@link #LIVE} products' own load job, with its row count, an hour apart after the mesh's asOf:
     * real events through the real ingestor, which the sweep's window (ending at asOf) does not judge, so every
     * live sweep judges the same data while reading those products again.
     */
    private static void ingestNewDay(MeshStore store, int round) {
        Instant base = store.asOf().orElseGet(Instant::now).plusSeconds(3600L * (1 + round));
        List<String[]> ports = store.withHandle(h -> h.createQuery(
                        "SELECT namespace, name FROM product_port ORDER BY product_id LIMIT :n OFFSET :o")
                .bind("n", LIVE)
                .bind("o", (round * LIVE) % Math.max(1, (int) store.count("product_port")))
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list());
        List<RunEvent> events = new ArrayList<>();
        for (String[] p : ports) {
            events.add(RunEventParser.parse(
                    ("{\"eventType\":\"COMPLETE\",\"eventTime\":\"%s\",\"producer\":\"https://meshpilot.dev/bench\","
                                    + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
                                    + "\"run\":{\"runId\":\"%s\"},\"job\":{\"namespace\":\"bench\",\"name\":\"live.%s\"},"
                                    + "\"inputs\":[],\"outputs\":[{\"namespace\":\"%s\",\"name\":\"%s\",\"outputFacets\":{"
                                    + "\"outputStatistics\":{\"_producer\":\"https://meshpilot.dev/bench\","
                                    + "\"_schemaURL\":\"https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json\","
                                    + "\"rowCount\":1000}}}]}")
                            .formatted(base, UUID.randomUUID(), p[1], p[0], p[1])));
        }
        new LineageIngestor().ingest(store, events);
    }

    private static void report(String what, long[] nanos, PrintWriter out) {
        Arrays.sort(nanos);
        out.printf(
                Locale.ROOT,
                "%s, %d runs: p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                what,
                nanos.length,
                Percentiles.millis(nanos, 50),
                Percentiles.millis(nanos, 95),
                Percentiles.millis(nanos, 100));
        out.flush();
    }

    private static void describe(AgentRun<AnomaliesReport> run, PrintWriter out) {
        AnomaliesReport.Sweep s = run.report().sweep();
        Map<String, Integer> perTool = new TreeMap<>();
        Map<String, Integer> perStatus = new TreeMap<>();
        run.run().toolCalls().forEach(c -> {
            perTool.merge(c.tool(), 1, Integer::sum);
            perStatus.merge(c.status(), 1, Integer::sum);
        });
        out.printf(
                "one sweep: %,d of %,d products (complete: %s), %,d series, %,d points; %d groups; %d tool calls %s, "
                        + "statuses %s%n",
                s.products(),
                s.inScope(),
                s.complete(),
                s.series(),
                s.points(),
                run.report().groups().size(),
                run.run().toolCalls().size(),
                perTool,
                perStatus);
        out.flush();
    }

    /** As {@code meshpilot anomalies} runs it: the catalog's agent over the whole mesh, through the runner. */
    private static AgentRun<AnomaliesReport> sweep(Sandbox sandbox, Principal who) {
        AgentRun<?> run = sandbox.catalog()
                .get(AnomaliesAgent.NAME)
                .run(sandbox.runner(), "mesh", RunOptions.playbook(who))
                .run();
        @SuppressWarnings("unchecked") // the catalog's anomalies descriptor runs AnomaliesAgent, whose report this is
        AgentRun<AnomaliesReport> sweep = (AgentRun<AnomaliesReport>) run;
        return sweep;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
