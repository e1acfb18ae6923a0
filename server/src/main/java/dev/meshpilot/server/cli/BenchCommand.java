package dev.meshpilot.server.cli;

import dev.meshpilot.server.bench.IngestBench;
import dev.meshpilot.server.bench.LoadBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshpilot bench load|ingest}: the benchmarks behind docs/benchmarks.md. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark: 'load' (workspace load time, peak heap) or 'ingest' (OpenLineage over HTTP).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WHAT", description = "load or ingest")
    String what;

    @Option(
            names = "--products",
            defaultValue = "10000",
            description = "Generated products (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--days", defaultValue = "1", description = "Days of events for 'load' (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--rounds", defaultValue = "3", description = "Rounds for 'load' (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "Concurrent producers for 'ingest' (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "30",
            description = "Time bound for 'ingest' (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--work", paramLabel = "DIR", description = "Scratch folder (default: a new temp folder).")
    Path work;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = work != null ? work : Files.createTempDirectory("meshpilot-bench");
        var out = spec.commandLine().getOut();
        switch (what) {
            case "load" -> LoadBench.run(products, days, rounds, dir, out);
            case "ingest" -> IngestBench.run(products, clients, seconds, dir, out);
            default ->
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(), "unknown benchmark '" + what + "' (valid: load, ingest)");
        }
        return 0;
    }
}
