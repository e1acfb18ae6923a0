package dev.meshpilot.server.cli;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.drift.DriftReport;
import dev.meshpilot.agents.drift.DriftSarif;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.ledger.RecordedRun;
import dev.meshpilot.mesh.ledger.RunLedger;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.runs.Recording;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code meshpilot drift [SCOPE]}: runs the catalog's drift agent over the mesh, a domain or a product, records the
 * run (so the next one says what is new, persisting or resolved), prints Markdown, JSON or SARIF, and with
 * {@code --fail-on} exits 1 when open drift reaches that level. {@code drift runs} and {@code drift diff} read the
 * recorded runs.
 */
@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        subcommands = {DriftRunsCommand.class, DriftDiffCommand.class})
final class DriftCommand implements Callable<Integer> {
    private final AgentDescriptor<?, ?> agent;
    private final Catalog catalog;

    @Mixin
    HomeOptions home;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "mesh",
            paramLabel = "SCOPE",
            description = "mesh (default), a domain id or a product id, e.g. customers.")
    String scope;

    @Option(
            names = "--as",
            defaultValue = "${env:MESHPILOT_PRINCIPAL:-meshpilot-scheduler}",
            paramLabel = "PRINCIPAL",
            description = "Whom the check runs for (default $MESHPILOT_PRINCIPAL, else meshpilot-scheduler).")
    String principal;

    @Option(names = "--format", defaultValue = "md", description = "md (default, also text), json or sarif.")
    String format;

    @Option(
            names = "--fail-on",
            paramLabel = "LEVEL",
            description = "Exit 1 when open drift reaches this level: warn (warn or deny) or deny.")
    String failOn;

    @Option(
            names = "--no-record",
            description = "Do not record this run (the next run compares with the last recorded).")
    boolean noRecord;

    @Option(names = "--mode", defaultValue = "playbook", description = "playbook (default, no model) or llm.")
    String mode;

    @Option(names = "--config", paramLabel = "FILE", description = "A YAML config file with a model: section.")
    Path config;

    @Option(names = "--prompt", paramLabel = "REF", description = "Prompt version for LLM mode, e.g. drift@v1.")
    String prompt;

    DriftCommand(AgentDescriptor<?, ?> agent, Catalog catalog) {
        this.agent = agent;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        if (failOn != null && !failOn.equals("warn") && !failOn.equals("deny")) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--fail-on must be warn or deny, not '" + failOn + "'");
        }
        if (!java.util.List.of("md", "text", "json", "sarif").contains(format)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--format must be md, text, json or sarif, " + "not '" + format + "'");
        }
        MeshStore store = home.withConfig(config).openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store, Limits.DEFAULT, catalog)) {
            var chosen = AgentCommand.choose(spec.commandLine(), sandbox, principal, mode, config, prompt);
            Instant started = Instant.now();
            AgentResult<?> result;
            try {
                result = agent.run(sandbox.runner(), scope, chosen.options());
            } catch (RunStopped e) {
                throw new MeshpilotException(ErrorCode.USAGE, e.getMessage(), e);
            }
            DriftReport report = (DriftReport) result.run().report();
            var out = spec.commandLine().getOut();
            if (!noRecord) {
                RecordedRun recorded = new RunLedger(store)
                        .record(Recording.of(agent.name(), scope, principal, "cli", started, Instant.now(), result));
                spec.commandLine().getErr().println("recorded as " + recorded.id());
            }
            switch (format) {
                case "json" -> Output.json(out, result.json());
                case "sarif" -> Output.json(out, DriftSarif.render(report));
                default -> out.print(result.markdown());
            }
            out.flush();
            return fails(report) ? 1 : 0;
        }
    }

    private boolean fails(DriftReport r) {
        if (failOn == null) {
            return false;
        }
        int deny = r.counts().getOrDefault("deny", 0);
        int warn = r.counts().getOrDefault("warn", 0);
        return failOn.equals("deny") ? deny > 0 : deny + warn > 0;
    }
}
