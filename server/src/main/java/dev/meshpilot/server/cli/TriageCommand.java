package dev.meshpilot.server.cli;

import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.agents.triage.TriageMarkdown;
import dev.meshpilot.agents.triage.TriageReport;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.server.config.ModelSettings;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code meshpilot triage INC-1001}: triage an incident as a principal, in playbook or LLM mode. */
@Command(
        name = "triage",
        mixinStandardHelpOptions = true,
        description =
                "Triage an incident: severity, probable root cause with evidence, blast radius and owners, next steps.")
final class TriageCommand extends StoreCommand {
    @Parameters(paramLabel = "INCIDENT", description = "The incident id, e.g. INC-1001.")
    String incident;

    @Option(
            names = "--as",
            defaultValue = "${env:MESHPILOT_PRINCIPAL:-meshpilot-scheduler}",
            paramLabel = "PRINCIPAL",
            description = "Whom the triage runs for (default $MESHPILOT_PRINCIPAL, else meshpilot-scheduler).")
    String principal;

    @Option(names = "--mode", defaultValue = "playbook", description = "playbook (default, no model) or llm.")
    String mode;

    @Option(
            names = "--prompt",
            paramLabel = "REF",
            description = "Prompt version for LLM mode, e.g. triage@v1 (default: latest).")
    String prompt;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file with a model: section (docs/configuration.md).")
    Path config;

    @Override
    public Integer call() {
        MeshStore store = home.openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store)) {
            var who = sandbox.principals().resolve(principal);
            ModelConfig model = null;
            RunOptions options = switch (mode) {
                case "playbook" -> RunOptions.playbook(who);
                case "llm" -> {
                    model = ModelSettings.load(config, System.getenv())
                            .orElseThrow(() -> new MeshpilotException(
                                    ErrorCode.USAGE,
                                    "--mode llm needs a model: set MESHPILOT_MODEL_PROVIDER, _BASE_URL and _NAME, or a "
                                            + "model: section in --config (see docs/configuration.md#models)"));
                    yield RunOptions.llm(who, ChatModels.create(model), model);
                }
                default ->
                    throw new picocli.CommandLine.ParameterException(
                            spec.commandLine(), "--mode must be playbook or llm, not '" + mode + "'");
            };
            if (prompt != null) {
                options = options.withPrompt(prompt);
            }
            AgentRun<TriageReport> run;
            try {
                run = sandbox.runner().run(new TriageAgent(), incident, options);
            } catch (IllegalArgumentException | RunStopped e) {
                throw new MeshpilotException(ErrorCode.USAGE, e.getMessage(), e);
            }
            String fallback = "playbook (fallback: ";
            if (model != null && run.run().mode().startsWith(fallback)) {
                String reason = run.run().mode().substring(fallback.length()).replaceFirst("\\)$", "");
                spec.commandLine()
                        .getErr()
                        .println("note: the model at " + model.baseUrl() + " was not used: " + reason
                                + "; the playbook's report is shown");
            }
            switch (format) {
                case json -> Output.json(out(), run.toJson());
                default -> out().print(TriageMarkdown.render(run));
            }
            out().flush();
            return 0;
        }
    }
}
