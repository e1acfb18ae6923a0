package dev.meshpilot.server.cli;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.Catalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code meshpilot agents}: lists the agents of the catalog, with their command, MCP tool, prompt and tools. */
@Command(
        name = "agents",
        mixinStandardHelpOptions = true,
        description = "List the agents: command, MCP tool and prompt, tool allowlist.")
final class AgentsCommand implements Callable<Integer> {
    private final Catalog catalog;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    Format format;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    AgentsCommand(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        if (format == Format.json) {
            Output.json(out, catalog.agents().stream().map(AgentsCommand::row).toList());
            return 0;
        }
        for (AgentDescriptor<?, ?> d : catalog.agents()) {
            out.printf(
                    "%s  %s%n  command  meshpilot %s %s%n  MCP      tool %s, prompt %s%n  prompt   %s (prompts/%s/vN.md)%n"
                            + "  tools    %s%n",
                    d.name(),
                    d.summary(),
                    d.name(),
                    d.input().usage(),
                    d.mcp().tool(),
                    d.mcp().prompt(),
                    d.prompt(),
                    d.prompt(),
                    String.join(", ", d.tools().stream().sorted().toList()));
        }
        out.flush();
        return 0;
    }

    private static Map<String, Object> row(AgentDescriptor<?, ?> d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("summary", d.summary());
        m.put("input", d.input().name());
        m.put("mcpTool", d.mcp().tool());
        m.put("mcpPrompt", d.mcp().prompt());
        m.put("prompt", d.prompt());
        m.put("report", d.reportType().getSimpleName());
        m.put("tools", List.copyOf(d.tools().stream().sorted().toList()));
        return m;
    }
}
