package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.catalog.AgentDescriptor;
import dev.meshpilot.agents.catalog.AgentResult;
import dev.meshpilot.agents.catalog.Catalog;
import dev.meshpilot.agents.catalog.McpFace;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.core.MeshpilotException;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The catalog's agents as MCP tools, e.g. {@code triage_incident}: each runs its agent (playbook mode) as the
 * caller's principal, so every tool call it makes goes through the gate as that principal, and returns the same
 * report as {@code meshpilot <agent> ID --format json} — as {@code structuredContent} — with the Markdown
 * rendering as text. Cancelling the request stops the run before its next tool call.
 */
final class AgentTools {
    private AgentTools() {}

    static List<AsyncToolSpecification> specifications(AgentRunner runner, Catalog catalog) {
        return catalog.agents().stream().map(d -> specification(runner, d)).toList();
    }

    private static AsyncToolSpecification specification(AgentRunner runner, AgentDescriptor<?, ?> agent) {
        McpFace face = agent.mcp();
        ObjectNode output = (ObjectNode) agent.reportSchema();
        output.remove("$schema");
        ((ObjectNode) output.path("properties")).putObject("run").put("type", "object");
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(face.tool())
                .title(face.title())
                .description(face.description())
                .inputSchema(JsonTrees.map(agent.input().schema()))
                .outputSchema(JsonTrees.map(output))
                .annotations(new McpSchema.ToolAnnotations(face.title(), true, false, true, false, null))
                .build();
        return new AsyncToolSpecification(
                tool, (exchange, request) -> Blocking.call(() -> call(runner, agent, exchange, request)));
    }

    private static McpSchema.CallToolResult call(
            AgentRunner runner,
            AgentDescriptor<?, ?> agent,
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
        Object token = request.progressToken();
        Notifications.progress(exchange, token, 0, face.running() + " " + id);
        Thread worker = Thread.currentThread();
        AgentResult<?> run;
        try {
            run = agent.run(
                    runner, inputs, RunOptions.playbook(caller.principal()).withCancellation(worker::isInterrupted));
        } catch (MeshpilotException | RunStopped e) {
            return error(face, e.getMessage());
        }
        Notifications.progress(exchange, token, 1, face.finished() + " " + id);
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
