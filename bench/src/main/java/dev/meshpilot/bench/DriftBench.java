package dev.meshpilot.bench;

import dev.meshpilot.agents.drift.DriftAgent;
import dev.meshpilot.agents.drift.DriftReport;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.core.Progress;
import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.mesh.workspace.WorkspaceLoader;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.server.wiring.Sandbox;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code meshpilot bench drift}: a whole-mesh drift run of the catalog's drift agent in playbook mode, as
 * {@code meshpilot drift} runs it (the sandbox's runner, the real gate with its default limits, store and audit),
 * over a generated mesh with 8 policies, one per kind the agent checks: the generator's five (access,
 * retention, freshness, ownership, schema) and three written here (lineage, contract, custom CEL). Timed after
 * a warm-up run; the report says how many products and policies the run saw and how many tool calls it made.
 */
public final class DriftBench {
    static final long SEED = 7;
    static final String PRINCIPAL = "svc-scheduler";

    private DriftBench() {}

    public static void run(int products, int runs, Path work, PrintWriter out) throws IOException {
        Path home = work.resolve("drift-home-" + products);
        Files.createDirectories(home);
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        if (store.count("product") != products) {
            Path ws = work.resolve("drift-workspace-" + products);
            long t = System.nanoTime();
            GenerateResult g =
                    new WorkspaceGenerator().generate(GeneratorSpec.of(products, 1, SEED), ws, Progress.NONE);
            ExtraPolicies.write(ws);
            out.printf("generated %,d products (+3 policies) in %,d ms%n", g.products(), ms(t));
            t = System.nanoTime();
            WorkspaceLoader.load(ws, store, Progress.NONE);
            out.printf("loaded in %,d ms%n", ms(t));
        } else {
            out.printf("reusing %s%n", store.file());
        }
        out.flush();
        try (Sandbox sandbox = Sandbox.open(home, store, Limits.DEFAULT)) {
            Principal who = sandbox.principals().resolve(PRINCIPAL);
            AgentRun<DriftReport> first = drift(sandbox, who);
            describe(first, products, out);
            long[] nanos = new long[runs];
            for (int i = 0; i < runs; i++) {
                long s = System.nanoTime();
                drift(sandbox, who);
                nanos[i] = System.nanoTime() - s;
            }
            Arrays.sort(nanos);
            out.printf(
                    Locale.ROOT,
                    "playbook drift of the mesh (%,d products), %d runs after 1 warm-up, as %s: p50 %.0f ms, p95 %.0f ms, "
                            + "max %.0f ms%n",
                    products,
                    runs,
                    PRINCIPAL,
                    Percentiles.millis(nanos, 50),
                    Percentiles.millis(nanos, 95),
                    Percentiles.millis(nanos, 100));
            long denied = first.run().toolCalls().stream()
                    .filter(c -> c.status().equals("denied"))
                    .count();
            if (!first.report().coverage().complete()
                    || first.report().coverage().judged() < products
                    || denied > 0) {
                out.printf(
                        "INCOMPLETE: the run judged %,d of %,d products, %d of its tool calls denied (the gate allows %d "
                                + "tool calls a run)%n",
                        first.report().coverage().judged(), products, denied, Limits.DEFAULT.maxCallsPerRun());
            }
            out.flush();
        }
    }

    private static void describe(AgentRun<DriftReport> run, int products, PrintWriter out) {
        DriftReport r = run.report();
        Map<String, Integer> perTool = new TreeMap<>();
        Map<String, Integer> perStatus = new TreeMap<>();
        run.run().toolCalls().forEach(c -> {
            perTool.merge(c.tool(), 1, Integer::sum);
            perStatus.merge(c.status(), 1, Integer::sum);
        });
        out.printf(
                "one run: %,d of %,d products and %d policies judged, counts %s; %d tool calls %s, statuses %s%n",
                r.coverage().judged(),
                products,
                r.policies().size(),
                new TreeMap<>(r.counts()),
                run.run().toolCalls().size(),
                perTool,
                perStatus);
        run.run().notes().stream().limit(5).forEach(n -> out.println("  note: " + n));
        out.flush();
    }

    /** As {@code meshpilot drift} runs it: the catalog's drift agent, through the sandbox's runner. */
    private static AgentRun<DriftReport> drift(Sandbox sandbox, Principal who) {
        AgentRun<?> run = sandbox.catalog()
                .get(DriftAgent.NAME)
                .run(sandbox.runner(), "mesh", RunOptions.playbook(who))
                .run();
        @SuppressWarnings("unchecked") // the catalog's drift descriptor runs DriftAgent, whose report this is
        AgentRun<DriftReport> drift = (AgentRun<DriftReport>) run;
        return drift;
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
