package dev.meshpilot.server.cli;

import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.agents.prompt.PromptRegistry;
import dev.meshpilot.core.ErrorCode;
import dev.meshpilot.core.MeshpilotException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code meshpilot prompts [REF]}: lists the versioned agent prompts, or shows one. */
@Command(
        name = "prompts",
        mixinStandardHelpOptions = true,
        description = "List the versioned agent prompts (prompts/<agent>/vN.md), or show one (e.g. triage@v1).")
final class PromptsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "REF", description = "A prompt to show: agent or agent@vN.")
    String ref;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PromptRegistry prompts = PromptRegistry.bundled();
        var out = spec.commandLine().getOut();
        if (ref != null) {
            Prompt p;
            try {
                p = prompts.resolve(ref);
            } catch (IllegalArgumentException e) {
                throw new MeshpilotException(
                        ErrorCode.NOT_FOUND, e.getMessage() + " (list them with 'meshpilot prompts')", e);
            }
            if (format == Format.json) {
                Output.json(out, p);
            } else {
                out.printf(
                        "%s  %s%nsha256 %s%nvariables %s%nmodel %s%nchangelog %s%n%n%s",
                        p.ref(), p.description(), p.sha256(), p.variables(), p.model(), p.changelog(), p.body());
            }
            return 0;
        }
        if (format == Format.json) {
            Output.json(
                    out,
                    prompts.all().stream()
                            .map(p -> Map.of(
                                    "ref",
                                    p.ref(),
                                    "description",
                                    p.description(),
                                    "sha256",
                                    p.sha256(),
                                    "variables",
                                    p.variables()))
                            .toList());
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Prompt p : prompts.all()) {
            rows.add(List.of(p.ref(), p.sha256().substring(0, 12), String.join(", ", p.variables()), p.description()));
        }
        Output.table(out, List.of("prompt", "sha256", "variables", "description"), rows);
        return 0;
    }
}
