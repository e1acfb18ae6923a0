package dev.meshpilot.server.cli;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentOption;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import dev.meshpilot.mesh.store.MeshStore;
import dev.meshpilot.sandbox.gate.Limits;
import dev.meshpilot.server.config.ModelSettings;
import dev.meshpilot.server.wiring.Sandbox;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;

/**
 * {@code meshpilot <agent> INPUT}, made from a catalog entry (e.g. {@code meshpilot triage INC-1001}): runs the
 * agent as a principal, in playbook or LLM mode, and prints its Markdown or JSON.
 */
@Command(mixinStandardHelpOptions = true)
final class AgentCommand extends StoreCommand {
    private final AgentDescriptor<?, ?> agent;
    private final Catalog catalog;

    @Option(
            names = "--as",
            defaultValue = "${env:MESHPILOT_PRINCIPAL:-meshpilot-scheduler}",
            paramLabel = "PRINCIPAL",
            description = "Whom the ${COMMAND-NAME} runs for (default $MESHPILOT_PRINCIPAL, else meshpilot-scheduler).")
    String principal;

    @Option(names = "--mode", defaultValue = "playbook", description = "playbook (default, no model) or llm.")
    String mode;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "A YAML config file with a model: section (docs/configuration.md).")
    Path config;

    private AgentCommand(AgentDescriptor<?, ?> agent, Catalog catalog) {
        this.agent = agent;
        this.catalog = catalog;
    }

    /** The command for {@code agent}: its name, summary, input parameter and {@code --prompt} example. */
    static CommandLine of(AgentDescriptor<?, ?> agent, Catalog catalog) {
        CommandLine cl = new CommandLine(new AgentCommand(agent, catalog));
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        spec.name(agent.name());
        spec.usageMessage().description(agent.summary());
        spec.addPositional(PositionalParamSpec.builder()
                .index("0")
                .arity(agent.input().optional() ? "0..1" : "1")
                .paramLabel(agent.input().label())
                .description(agent.input().description())
                .type(String.class)
                .build());
        OptionSpec format = spec.findOption("--format");
        spec.remove(format);
        spec.addOption(format.toBuilder()
                .description("md (the default; text is the same) or json"
                        + agent.renderers().formats().keySet().stream()
                                .sorted()
                                .map(f -> ", or " + f)
                                .reduce("", String::concat)
                        + ".")
                .build());
        for (AgentOption o : agent.input().options()) {
            OptionSpec.Builder b = OptionSpec.builder(o.flag()).description(o.description());
            if (o.kind() == AgentOption.Kind.FLAG) {
                b.arity("0").type(boolean.class);
            } else {
                b.paramLabel(o.label()).type(String.class);
            }
            if (o.kind() == AgentOption.Kind.CHOICE) {
                b.description(o.description() + " (" + String.join(", ", o.choices()) + ")");
            }
            spec.addOption(b.required(o.required()).build());
        }
        spec.addOption(OptionSpec.builder("--prompt")
                .paramLabel("REF")
                .description("Prompt version for LLM mode, e.g. " + agent.prompt() + "@v1 (default: latest).")
                .type(String.class)
                .build());
        return cl;
    }

    /** The run options a command's {@code --as}, {@code --mode}, {@code --config} and {@code --prompt} ask for. */
    record Chosen(RunOptions options, ModelConfig model) {}

    static Chosen choose(CommandLine cl, Sandbox sandbox, String principal, String mode, Path config, String prompt) {
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
                throw new CommandLine.ParameterException(cl, "--mode must be playbook or llm, not '" + mode + "'");
        };
        return new Chosen(prompt == null ? options : options.withPrompt(prompt), model);
    }

    @Override
    public Integer call() {
        String main = spec.positionalParameters().getFirst().getValue();
        String prompt = spec.findOption("--prompt").getValue();
        MeshStore store = home.withConfig(config).openStore();
        try (Sandbox sandbox = Sandbox.open(home.home(), store, Limits.DEFAULT, catalog)) {
            Chosen chosen = choose(spec.commandLine(), sandbox, principal, mode, config, prompt);
            ModelConfig model = chosen.model();
            RunOptions options = chosen.options();
            AgentResult<?> run;
            try {
                run = agent.run(sandbox.runner(), AgentInputs.read(spec, agent.input(), main), options);
            } catch (RunStopped e) {
                throw new MeshpilotException(ErrorCode.USAGE, e.getMessage(), e);
            }
            if (model != null && run.info().fallbackReason() != null) {
                spec.commandLine()
                        .getErr()
                        .println("note: the model at " + model.baseUrl() + " was not used: "
                                + run.info().fallbackReason() + "; the playbook's report is shown");
            }
            switch (format) {
                case json -> Output.json(out(), run.json());
                case sarif ->
                    out().print(run.format("sarif")
                            .orElseThrow(() -> new CommandLine.ParameterException(
                                    spec.commandLine(),
                                    "--format sarif is not offered by " + agent.name() + "; use text, md or json")));
                default -> out().print(run.markdown());
            }
            out().flush();
            return run.exitCode();
        }
    }
}
