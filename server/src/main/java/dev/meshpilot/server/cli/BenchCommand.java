package dev.meshpilot.server.cli;

import dev.meshpilot.server.bench.IngestBench;
import dev.meshpilot.server.bench.LineageBench;
import dev.meshpilot.server.bench.LoadBench;
import dev.meshpilot.server.bench.SearchBench;
import dev.meshpilot.server.bench.TriageBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshpilot bench load|ingest|search|lineage}: the benchmarks behind docs/benchmarks.md. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark: 'load' (workspace load time, peak heap), 'ingest' (OpenLineage over HTTP), "
                + "'search' (indexing throughput, hybrid query latency, HNSW recall) or "
                + "'lineage' (downstream closure: in-memory graph vs SQLite recursive CTE).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "WHAT", description = "load, ingest, search, lineage or triage")
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

    @Option(
            names = "--fan-in",
            defaultValue = "125",
            description = "Average upstream products for 'lineage' (default ${DEFAULT-VALUE}).")
    int fanIn;

    @Option(
            names = "--documents",
            defaultValue = "100000",
            description = "Search documents for 'search' (default ${DEFAULT-VALUE}).")
    int documents;

    @Option(
            names = "--queries",
            defaultValue = "1000",
            description =
                    "Timed queries for 'search', closure queries for 'lineage', triage runs for 'triage' (default ${DEFAULT-VALUE}).")
    int queries;

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
            case "lineage" -> LineageBench.run(products, fanIn, queries, dir, out);
            case "triage" -> TriageBench.run(products, queries, dir, out);
            case "search" -> {
                out.flush();
                SearchBench.run(documents, queries, dir, System.out);
            }
            default ->
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown benchmark '" + what + "' (valid: load, ingest, search, lineage, triage)");
        }
        return 0;
    }
}
