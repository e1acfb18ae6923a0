package dev.meshpilot.server.mcp;

import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.catalog.McpFace;
import dev.meshpilot.agents.prompt.Prompt;
import dev.meshpilot.agents.prompt.PromptRegistry;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The catalog's agents' prompts for an IDE's prompt menu, e.g. {@code triage-incident} (argument
 * {@code incident}): each asks the assistant to run the agent's tool and act on the report, and names the
 * version of the agent's own prompt ({@code prompts/<agent>/vN.md}, with its hash) that LLM mode would use.
 * The agent's prompt itself (a system prompt with tools, evidence and schema) is not an IDE prompt: its
 * variables come from a run.
 */
final class AgentPrompts implements PromptSource {
    private final PromptRegistry registry;
    private final Catalog catalog;

    AgentPrompts(PromptRegistry registry, Catalog catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    @Override
    public List<AsyncPromptSpecification> prompts() {
        return catalog.agents().stream().map(this::prompt).toList();
    }

    private AsyncPromptSpecification prompt(AgentDescriptor<?, ?> agent) {
        McpFace face = agent.mcp();
        Prompt own = registry.resolve(agent.prompt());
        String argument = agent.input().name();
        McpSchema.Prompt prompt = McpSchema.Prompt.builder(face.prompt())
                .title(face.title())
                .description(face.promptDescription().apply(own))
                .arguments(List.of(McpSchema.PromptArgument.builder(argument)
                        .description(face.promptArgument())
                        .required(!agent.input().optional())
                        .build()))
                .build();
        return new AsyncPromptSpecification(prompt, (exchange, request) -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            String input = String.valueOf(args.getOrDefault(argument, "")).strip();
            String text = face.promptText().apply(input, own);
            return Mono.just(McpSchema.GetPromptResult.builder(
                            List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(text))))
                    .description(face.promptTitle(input))
                    .build());
        });
    }
}
