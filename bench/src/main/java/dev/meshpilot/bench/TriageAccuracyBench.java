package dev.meshpilot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.meshpilot.mesh.lineage.LineageGraph;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code meshpilot bench triage-accuracy}: how often playbook triage is right on a generated mesh whose
 * incidents carry their answers ({@code generate --incidents N}, {@code observed/triage-truth.json}). Every
 * open incident opened by a failed run the truth knows is triaged as {@code meshpilot triage} runs it; the
 * root product and error class are compared with the truth, and the impact with the products downstream of the
 * true root (none when the run recovered on retry). A report lists at most 25 impacted products beside the
 * total, so recall counts the listed ones against the truth capped at 25. Misses are printed for reading.
 */
public final class TriageAccuracyBench {
    static final long SEED = 11;
    static final String PRINCIPAL = "svc-scheduler";
    static final int LISTED = 25;

    private TriageAccuracyBench() {}

    record Case(Incident incident, JsonNode truth) {}

    public static void run(int products, int days, int planted, int max, Path work, PrintWriter out)
            throws IOException {
        Path home = work.resolve("triage-accuracy-home-" + products);
        Path ws = work.resolve("triage-accuracy-workspace-" + products);
        Files.createDirectories(home);
        MeshStore store = MeshStore.open(home.resolve("meshpilot.db"));
        if (store.count("product") != products) {
            long t = System.nanoTime();
            GenerateResult g = new WorkspaceGenerator()
                    .generate(GeneratorSpec.of(products, days, SEED), ws, Progress.NONE, 0, planted);
            out.printf(
                    "generated %,d products, %d days, %,d events, %d planted incidents in %,d ms%n",
                    g.products(), days, g.events(), planted, ms(t));
            t = System.nanoTime();
            WorkspaceLoader.load(ws, store, Progress.NONE);
            out.printf("loaded in %,d ms%n", ms(t));
        } else {
            out.printf("reusing %s%n", store.file());
        }
        out.flush();
        List<Case> cases = cases(store, ws.resolve("observed/triage-truth.json"), max);
        Limits limits = new Limits(
                Limits.DEFAULT.maxCallsPerRun(),
                Integer.MAX_VALUE,
                Limits.DEFAULT.timeout(),
                Limits.DEFAULT.maxItems(),
                Limits.DEFAULT.maxBytes());
        Map<String, int[]> byKind = new TreeMap<>(); // kind -> [cases, root right, class right]
        long listed = 0;
        long listedRight = 0;
        long truthCapped = 0;
        int cutShort = 0;
        int calls = 0;
        List<String> misses = new ArrayList<>();
        try (Sandbox sandbox = Sandbox.open(home, store, limits)) {
            sandbox.index().count();
            LineageGraph graph = sandbox.mesh().lineage();
            Principal who = sandbox.principals().resolve(PRINCIPAL);
            for (Case c : cases) {
                AgentRun<?> any = sandbox.catalog()
                        .get(TriageAgent.NAME)
                        .run(sandbox.runner(), c.incident().id(), RunOptions.playbook(who))
                        .run();
                TriageReport r = (TriageReport) any.report();
                calls += any.run().toolCalls().size();
                String root = c.truth().path("root").asText();
                String cls = c.truth().path("errorClass").asText();
                boolean recovered = c.truth().path("recovered").asBoolean();
                String kind = c.truth().path("scenario").isTextual()
                        ? c.truth().path("scenario").asText()
                        : root.equals(c.incident().productId()) ? "own_failure" : "cascade";
                int[] k = byKind.computeIfAbsent(kind, x -> new int[3]);
                k[0]++;
                boolean rootRight = root.equals(r.rootCause().product());
                boolean classRight = cls.equals(r.rootCause().errorClass());
                k[1] += rootRight ? 1 : 0;
                k[2] += classRight ? 1 : 0;
                Set<String> truth = new HashSet<>();
                if (!recovered) {
                    graph.products(root, LineageGraph.Direction.DOWNSTREAM, 10).forEach(h -> truth.add(h.productId()));
                }
                int right = (int) r.impact().products().stream()
                        .filter(i -> truth.contains(i.product()))
                        .count();
                listed += r.impact().products().size();
                listedRight += right;
                truthCapped += Math.min(truth.size(), LISTED);
                if (r.notes().stream().anyMatch(n -> n.contains("cut short"))) {
                    cutShort++;
                }
                if ((!rootRight || !classRight) && misses.size() < 15) {
                    misses.add(String.format(
                            "  %s (%s on %s): expected %s %s, got %s %s — %s",
                            c.incident().id(),
                            kind,
                            c.incident().productId(),
                            root,
                            cls,
                            r.rootCause().product(),
                            r.rootCause().errorClass(),
                            TriageAccuracyBench.clip(r.rootCause().summary())));
                }
            }
        }
        int n = cases.size();
        int rootRight = byKind.values().stream().mapToInt(k -> k[1]).sum();
        int classRight = byKind.values().stream().mapToInt(k -> k[2]).sum();
        out.printf(
                "triage accuracy on %,d incidents with known causes (%,d products, %d days, seed %d): root cause %.3f, "
                        + "error class %.3f, impact precision %.3f, impact recall %.3f; tool calls per run mean %.1f;"
                        + " walks cut short by the budget %d%n",
                n,
                products,
                days,
                SEED,
                rootRight / (double) Math.max(1, n),
                classRight / (double) Math.max(1, n),
                listed == 0 ? 1.0 : listedRight / (double) listed,
                truthCapped == 0 ? 1.0 : listedRight / (double) truthCapped,
                calls / (double) Math.max(1, n),
                cutShort);
        byKind.forEach((kind, k) -> out.printf(
                "  %-16s %4d incidents, root %.3f, class %.3f%n",
                kind, k[0], k[1] / (double) k[0], k[2] / (double) k[0]));
        if (!misses.isEmpty()) {
            out.println("first misses:");
            misses.forEach(out::println);
        }
        out.flush();
    }

    /** Open incidents opened by a failed run the truth file knows (same product, same instant). */
    static List<Case> cases(MeshStore store, Path truthFile, int max) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
        Map<String, JsonNode> byKey = new HashMap<>();
        truth.path("failures")
                .forEach(f -> byKey.put(
                        f.path("product").asText() + "@"
                                + Instant.parse(f.path("at").asText()),
                        f));
        List<Case> out = new ArrayList<>();
        for (Incident i : new Incidents(store).list(true)) {
            JsonNode t = byKey.get(i.productId() + "@" + i.openedAt());
            if (t != null && out.size() < max) {
                out.add(new Case(i, t));
            }
        }
        return out;
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }

    private static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
