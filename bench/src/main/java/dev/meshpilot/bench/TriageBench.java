package dev.meshpilot.bench;

import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.agents.triage.TriageReport;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Incidents;
import dev.meshpilot.mesh.search.SyncResult;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.wiring.Sandbox;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code meshpilot bench triage}: playbook triage of every open incident of a generated mesh, end to end — the
 * real gate (audit committed with synchronous=FULL per call), store, lineage graph and search index — timed per
 * incident after a warm-up. Indexing the mesh for search is done first and reported apart.
 */
public final class TriageBench {
    static final long SEED = 7;
    static final String PRINCIPAL = "svc-scheduler";

    private TriageBench() {}

    public static void run(int products, int incidents, Path work, PrintWriter out) throws java.io.IOException {
        Path home = work.resolve("triage-home-" + products);
        Files.createDirectories(home);
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        if (store.count("product") != products) {
            Path ws = work.resolve("triage-workspace-" + products);
            long t = System.nanoTime();
            GenerateResult g =
                    new WorkspaceGenerator().generate(GeneratorSpec.of(products, 1, SEED), ws, Progress.NONE);
            out.printf(
                    "generated %,d products, %,d events, %,d lineage edges in %,d ms%n",
                    g.products(), g.events(), g.lineageEdges(), ms(t));
            t = System.nanoTime();
            WorkspaceLoader.load(ws, store, Progress.NONE);
            out.printf("loaded in %,d ms%n", ms(t));
        } else {
            out.printf("reusing %s%n", store.file());
        }
        out.flush();
        List<Incident> open = new Incidents(store).list(true);
        if (open.isEmpty()) {
            out.println("the generated mesh has no open incident; nothing to triage");
            return;
        }
        // the default gate allows 600 calls a minute per principal; a benchmark measures latency, not that limit
        Limits limits = new Limits(
                Limits.DEFAULT.maxCallsPerRun(),
                Integer.MAX_VALUE,
                Limits.DEFAULT.timeout(),
                Limits.DEFAULT.maxItems(),
                Limits.DEFAULT.maxBytes());
        try (Sandbox sandbox = Sandbox.open(home, store, limits)) {
            long t = System.nanoTime();
            int docs = sandbox.index().count(); // opening an empty index fills it from the store
            SyncResult again = sandbox.index().sync(store);
            long indexMs = ms(t);
            out.printf(
                    "search index: %,d documents ready in %,d ms (%.1f documents/s; a second sync re-embedded %d)%n",
                    docs, indexMs, docs * 1000.0 / Math.max(1, indexMs), again.added() + again.updated());
            t = System.nanoTime();
            sandbox.mesh().lineage();
            out.printf("lineage graph loaded in %,d ms%n", ms(t));
            out.flush();
            Principal who = sandbox.principals().resolve(PRINCIPAL);
            int warmup = Math.min(20, open.size());
            for (int i = 0; i < warmup; i++) {
                triage(sandbox, open.get(i), who);
            }
            long[] nanos = new long[incidents];
            int[] calls = new int[incidents];
            Map<String, Integer> classes = new TreeMap<>();
            Map<String, Long> perTool = new TreeMap<>();
            Map<String, Integer> perToolCalls = new TreeMap<>();
            for (int i = 0; i < incidents; i++) {
                Incident inc = open.get(i % open.size());
                long s = System.nanoTime();
                AgentRun<TriageReport> run = triage(sandbox, inc, who);
                nanos[i] = System.nanoTime() - s;
                calls[i] = run.run().toolCalls().size();
                classes.merge(run.report().rootCause().errorClass(), 1, Integer::sum);
                run.run().toolCalls().forEach(c -> {
                    perTool.merge(c.tool(), c.micros(), Long::sum);
                    perToolCalls.merge(c.tool(), 1, Integer::sum);
                });
            }
            Arrays.sort(nanos);
            out.printf(
                    "playbook triage of %,d incidents (%,d distinct open, %d warm-up runs first) as %s: "
                            + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; tool calls per run mean %.1f; root-cause classes %s%n",
                    incidents,
                    open.size(),
                    warmup,
                    PRINCIPAL,
                    Percentiles.millis(nanos, 50),
                    Percentiles.millis(nanos, 95),
                    Percentiles.millis(nanos, 99),
                    Percentiles.millis(nanos, 100),
                    Arrays.stream(calls).average().orElse(0),
                    classes);
            StringBuilder tools = new StringBuilder();
            perTool.forEach((tool, micros) -> tools.append(String.format(
                    "%n  %-20s %5d calls, mean %7.2f ms, %5.1f ms per triage",
                    tool,
                    perToolCalls.get(tool),
                    micros / 1000.0 / perToolCalls.get(tool),
                    micros / 1000.0 / incidents)));
            out.printf("time in tool calls (through the gate, audit included):%s%n", tools);
            out.flush();
        }
    }

    /** As {@code meshpilot triage} runs it: the catalog's triage agent, through the sandbox's runner. */
    private static AgentRun<TriageReport> triage(Sandbox sandbox, Incident inc, Principal who) {
        AgentRun<?> run = sandbox.catalog()
                .get(TriageAgent.NAME)
                .run(sandbox.runner(), inc.id(), RunOptions.playbook(who))
                .run();
        @SuppressWarnings("unchecked") // the catalog's triage descriptor runs TriageAgent, whose report this is
        AgentRun<TriageReport> triage = (AgentRun<TriageReport>) run;
        return triage;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
