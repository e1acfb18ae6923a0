package dev.meshpilot.mesh.generate;

import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.core.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Generates a synthetic but valid workspace (the format of {@code docs/workspace.md}) of any size, for
 * demos, tests and benchmarks.
 *
 * <pre>{@code
 * GenerateResult r = new WorkspaceGenerator()
 *         .generate(GeneratorSpec.of(300, 7, 42), Path.of("/tmp/mesh"), Progress.NONE);
 * }</pre>
 *
 * <p>It writes {@code meshpilot.yaml}, {@code domains/<domain>/domain.yaml}, {@code
 * domains/<domain>/products/<name>.yaml}, {@code contracts/<domain>/<name>.odcs.yaml}, {@code
 * policies/*.yaml}, {@code runbooks/*.md}, {@code observed/incidents.yaml}, {@code observed/grants.yaml}
 * and {@code observed/events/<date>.ndjson}. The same spec always writes the same bytes. Progress is
 * reported in the stages {@code plan}, {@code products}, {@code contracts}, {@code governance} and {@code
 * events}.
 *
 * <p>Fails with {@link ErrorCode#USAGE} when {@code outDir} is a file or a non-empty folder (nothing is
 * written then) or cannot be written (what was written so far stays). Stateless and thread-safe. Memory
 * grows with products and lineage edges, not with days or events: 10,000 products with a million edges
 * keep about 25 MB live. Product and contract files are rendered on up to four threads.
 */
public final class WorkspaceGenerator {
    /** Writes the workspace of {@code spec} into {@code outDir}, which must be absent or empty. */
    public GenerateResult generate(GeneratorSpec spec, Path outDir, Progress progress) {
        return generate(spec, outDir, progress, 0);
    }

    /**
     * As {@link #generate(GeneratorSpec, Path, Progress)}, with {@code anomalies} injected ({@link
     * SyntheticMetrics}: weekly seasonality, noise, null counts) and their ground truth written to
     * {@code observed/anomalies-truth.json}; 0 writes the plain mesh.
     */
    public GenerateResult generate(GeneratorSpec spec, Path outDir, Progress progress, int anomalies) {
        return generate(spec, outDir, progress, anomalies, 0);
    }

    /**
     * As {@link #generate(GeneratorSpec, Path, Progress, int)}, with {@code incidents} triage incidents planted on
     * the last day ({@link Scenarios}: an input's renamed column, a null explosion or a volume drop two to four
     * hops up, a run recovered on retry) and the cause of every failed run written to {@code
     * observed/triage-truth.json}; 0 plants none and writes no truth. Not combined with anomalies.
     */
    public GenerateResult generate(GeneratorSpec spec, Path outDir, Progress progress, int anomalies, int incidents) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(progress, "progress");
        requireEmpty(outDir);
        progress.update("plan", 0, 1);
        MeshPlan plan = ProductPlanner.plan(spec);
        progress.update("plan", 1, 1);
        Output out = new Output(outDir);
        OrgWriter.write(plan, out);
        int n = plan.products().size();
        PerProduct.run(
                plan.products(), "products", progress, p -> ProductWriter.write(p, plan.lineage(), spec.seed(), out));
        ContractWriter contracts = new ContractWriter(plan);
        PerProduct.run(plan.products(), "contracts", progress, p -> contracts.write(p, out));
        progress.update("governance", 0, 1);
        GovernanceWriter.write(plan, out);
        ObservedWriter.write(plan, EventWriter.windowStart(spec), out);
        progress.update("governance", 1, 1);
        SyntheticMetrics metrics = anomalies > 0 ? SyntheticMetrics.of(plan, anomalies) : null;
        Scenarios scenarios = anomalies > 0 ? Scenarios.NONE : Scenarios.plan(plan, incidents);
        EventWriter writer = new EventWriter(plan, metrics, scenarios);
        long events = writer.write(out, progress);
        if (scenarios.active()) {
            TriageTruth.write(writer.truth(), out);
        }
        if (metrics != null) {
            TruthWriter.write(metrics, EventWriter.windowStart(spec), out);
        }
        return new GenerateResult(n, n, events, plan.lineage().edges(), out.files(), out.bytes());
    }

    private static void requireEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new MeshpilotException(
                    ErrorCode.USAGE, "output folder " + dir + " is a file; give a new or empty folder");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new MeshpilotException(
                        ErrorCode.USAGE, "output folder " + dir + " is not empty; give a new or empty folder");
            }
        } catch (IOException e) {
            throw Output.failed(dir, e);
        }
    }
}
