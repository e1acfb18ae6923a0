package dev.meshpilot.server.cli;

import dev.meshpilot.mesh.generate.GenerateResult;
import dev.meshpilot.mesh.generate.GeneratorSpec;
import dev.meshpilot.mesh.generate.WorkspaceGenerator;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot generate}: writes a valid synthetic workspace with events, deterministic for a seed. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Write a valid synthetic workspace plus OpenLineage events, deterministic for a seed.")
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--products", required = true, description = "Number of data products.")
    int products;

    @Option(names = "--days", defaultValue = "30", description = "Days of runs (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--fan-in",
            defaultValue = "3",
            description = "Average upstream products a derived product reads (default ${DEFAULT-VALUE}).")
    int fanIn;

    @Option(
            names = "--as-of",
            paramLabel = "INSTANT",
            description = "The generated mesh's now, ISO-8601 (default 2026-11-25T09:00:00Z).")
    java.time.Instant asOf;

    @Option(
            names = "--anomalies",
            defaultValue = "0",
            paramLabel = "N",
            description = "Inject N anomalies (drops, spikes, null explosions, level shifts, late runs) over weekly "
                    + "seasonality, with their ground truth in observed/anomalies-truth.json (default 0: none).")
    int anomalies;

    @Option(
            names = "--incidents",
            defaultValue = "0",
            paramLabel = "N",
            description = "Plant N triage incidents on the last day (an input's renamed column, a null explosion or "
                    + "volume drop two to four hops up, a run recovered on retry) and write the cause of every failed "
                    + "run to observed/triage-truth.json (default 0: none; not with --anomalies).")
    int incidents;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created).")
    Path out;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorSpec generatorSpec = GeneratorSpec.of(products, days, seed).withFanIn(fanIn);
        if (asOf != null) {
            generatorSpec = generatorSpec.withAsOf(asOf);
        }
        long start = System.nanoTime();
        if (anomalies > 0 && incidents > 0) {
            throw new dev.meshpilot.core.MeshpilotException(
                    dev.meshpilot.core.ErrorCode.USAGE,
                    "--incidents and --anomalies cannot be combined: generate one mesh for each");
        }
        GenerateResult r = new WorkspaceGenerator()
                .generate(generatorSpec, out, new ConsoleProgress(System.err), anomalies, incidents);
        long millis = (System.nanoTime() - start) / 1_000_000;
        var printer = spec.commandLine().getOut();
        if (format == Format.json) {
            Output.json(printer, r);
        } else {
            printer.printf(
                    "Wrote %s: %,d products, %,d contracts, %,d events, %,d lineage edges, %,d files, %,d bytes in %,d ms%n",
                    out, r.products(), r.contracts(), r.events(), r.lineageEdges(), r.files(), r.bytes(), millis);
        }
        return 0;
    }
}
