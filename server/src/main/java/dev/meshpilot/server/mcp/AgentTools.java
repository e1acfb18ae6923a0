package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.catalog.McpFace;
import dev.meshpilot.agents.model.ChatModels;
import dev.meshpilot.agents.model.ModelConfig;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.core.MeshpilotException;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's agents as MCP tools, e.g. {@code triage_incident}: each runs its agent as the caller's
 * principal, so every tool call it makes goes through the gate as that principal, and returns the same report
 * as {@code meshpilot <agent> ID --format json [--mode llm]} — as {@code structuredContent} — with the Markdown
 * rendering as text. Arguments are validated against the tool's input schema like every tool's (an unknown
 * argument is refused): the agent's input and {@code mode} ({@code playbook}, the default, or {@code llm}
 * with the server's configured model, falling back to the playbook as the CLI does, the reason in the
 * report's run). Cancelling the request stops the run before its next tool call.
 */
final class AgentTools {
    private AgentTools() {}

    static List<AsyncToolSpecification> specifications(AgentRunner runner, Catalog catalog) {
        return specifications(runner, catalog, Optional.empty());
    }

    /** With {@code model}, {@code mode: llm} runs the agents on it; without, it is refused with what to set. */
    static List<AsyncToolSpecification> specifications(
            AgentRunner runner, Catalog catalog, Optional<ModelConfig> model) {
        return catalog.agents().stream()
                .map(d -> specification(runner, d, model))
                .toList();
    }

    /** The agent's input schema with {@code mode}; {@code additionalProperties: false} as the input's. */
    static ObjectNode inputSchema(AgentDescriptor<?, ?> agent) {
        ObjectNode input = (ObjectNode) agent.input().schema().deepCopy();
        ((ObjectNode) input.path("properties"))
                .putObject("mode")
                .put("type", "string")
                .put(
                        "description",
                        "playbook (default: rule-based, no model) or llm (the server's configured "
                                + "model; falls back to the playbook if the model fails, the reason in run.fallbackReason)")
                .put("default", "playbook")
                .putArray("enum")
                .add("playbook")
                .add("llm");
        return input;
    }

    private static AsyncToolSpecification specification(
            AgentRunner runner, AgentDescriptor<?, ?> agent, Optional<ModelConfig> model) {
        McpFace face = agent.mcp();
        ObjectNode output = (ObjectNode) agent.reportSchema();
        output.remove("$schema");
        ((ObjectNode) output.path("properties")).putObject("run").put("type", "object");
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(face.tool())
                .title(face.title())
                .description(face.description())
                .inputSchema(JsonTrees.map(inputSchema(agent)))
                .outputSchema(JsonTrees.map(output))
                .annotations(new McpSchema.ToolAnnotations(face.title(), true, false, true, false, null))
                .build();
        AgentArguments arguments = new AgentArguments(face.tool(), inputSchema(agent));
        return new AsyncToolSpecification(
                tool,
                (exchange, request) -> Blocking.call(() -> call(runner, agent, arguments, model, exchange, request)));
    }

    private static McpSchema.CallToolResult call(
            AgentRunner runner,
            AgentDescriptor<?, ?> agent,
            AgentArguments arguments,
            Optional<ModelConfig> model,
            McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        McpFace face = agent.mcp();
        String name = agent.input().name();
        Caller caller = Caller.of(exchange);
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        Object input = args.get(name);
        if (!agent.input().optional() && (!(input instanceof String s) || s.isBlank())) {
            return error(face, "give '" + name + "', " + agent.input().hint());
        }
        Optional<String> invalid = arguments.problems(args);
        if (invalid.isPresent()) {
            return error(face, invalid.get());
        }
        Map<String, String> inputs = new java.util.HashMap<>();
        if (input instanceof String main && !main.isBlank()) {
            inputs.put(name, main);
        }
        for (dev.meshpilot.agents.catalog.AgentOption o : agent.input().options()) {
            Object v = args.get(o.name());
            if (v != null && !Boolean.FALSE.equals(v)) {
                inputs.put(o.name(), v.toString());
            } else if (o.required()) {
                return error(face, "give '" + o.name() + "': " + o.description());
            }
        }
        String id = inputs.getOrDefault(name, "the whole mesh");
        boolean llm = "llm".equals(args.get("mode"));
        if (llm && model.isEmpty()) {
            return error(
                    face,
                    "mode llm needs a model: set MESHPILOT_MODEL_PROVIDER, _BASE_URL and _NAME, or a model: section in "
                            + "the server's --config (see docs/configuration.md#models); or use mode playbook");
        }
        RunOptions options = llm
                ? RunOptions.llm(caller.principal(), ChatModels.create(model.get()), model.get())
                : RunOptions.playbook(caller.principal());
        Object token = request.progressToken();
        Notifications.progress(exchange, token, 0, face.running() + " " + id);
        Thread worker = Thread.currentThread();
        AgentResult<?> run;
        try {
            run = agent.run(runner, inputs, options.withCancellation(worker::isInterrupted));
        } catch (MeshpilotException | RunStopped e) {
            return error(face, e.getMessage());
        }
        Notifications.progress(exchange, token, 1, face.finished() + " " + id);
        if (llm && run.info().fallbackReason() != null) {
            Notifications.log(
                    exchange,
                    McpSchema.LoggingLevel.WARNING,
                    face.tool() + " " + id + ": the model at " + model.get().baseUrl() + " was not used: "
                            + run.info().fallbackReason() + "; the playbook's report is returned");
        }
        Notifications.log(
                exchange,
                McpSchema.LoggingLevel.INFO,
                face.tool() + " " + id + ": " + run.headline() + ", "
                        + run.info().toolCalls().size() + " tool calls");
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(run.markdown())))
                .structuredContent(JsonTrees.JSON.convertValue(run.json(), Object.class))
                .isError(false)
                .meta(Map.of(
                        "dev.meshpilot/runId",
                        run.info().runId(),
                        "dev.meshpilot/mode",
                        run.info().mode()))
                .build();
    }

    private static McpSchema.CallToolResult error(McpFace face, String message) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(face.tool() + ": " + message)))
                .isError(true)
                .build();
    }
}
