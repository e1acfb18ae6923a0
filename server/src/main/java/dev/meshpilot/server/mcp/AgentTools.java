package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.agents.runtime.AgentRunner;
import dev.meshpilot.agents.runtime.RunOptions;
import dev.meshpilot.agents.runtime.RunStopped;
import dev.meshpilot.agents.triage.TriageAgent;
import dev.meshpilot.agents.triage.TriageMarkdown;
import dev.meshpilot.agents.triage.TriageReport;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The agents as MCP tools: {@code triage_incident} runs the triage agent (playbook mode) as the caller's
 * principal, so every tool call it makes goes through the gate as that principal, and returns the same report
 * as {@code meshpilot triage ID --format json} — as {@code structuredContent} — with the Markdown rendering as
 * text. Cancelling the request stops the run before its next tool call.
 */
final class AgentTools {
    static final String TRIAGE = "triage_incident";

    private AgentTools() {}

    static List<AsyncToolSpecification> specifications(AgentRunner runner) {
        ObjectNode input =
                JsonTrees.JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        input.putObject("properties")
                .putObject("incident")
                .put("type", "string")
                .put("minLength", 1)
                .put("maxLength", 100)
                .put("description", "The incident id, e.g. INC-1001.");
        input.putArray("required").add("incident");
        ObjectNode output = TriageAgent.reportSchema().deepCopy();
        output.remove("$schema");
        ((ObjectNode) output.path("properties")).putObject("run").put("type", "object");
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(TRIAGE)
                .title("Triage an incident")
                .description(
                        "Triages a data incident: severity with the rule that decided it, probable root cause with "
                                + "evidence (the earliest failing, late or anomalous upstream product, judged when the problem "
                                + "began), alternatives, impacted products with owners, chat channels and on-call, next steps "
                                + "quoted from runbooks, similar past incidents and a confidence. Read-only; runs as you.")
                .inputSchema(JsonTrees.map(input))
                .outputSchema(JsonTrees.map(output))
                .annotations(new McpSchema.ToolAnnotations("Triage an incident", true, false, true, false, null))
                .build();
        return List.of(new AsyncToolSpecification(
                tool, (exchange, request) -> Blocking.call(() -> triage(runner, exchange, request))));
    }

    private static McpSchema.CallToolResult triage(
            AgentRunner runner,
            io.modelcontextprotocol.server.McpAsyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        Caller caller = Caller.of(exchange);
        Object incident =
                request.arguments() == null ? null : request.arguments().get("incident");
        if (!(incident instanceof String id) || id.isBlank()) {
            return error("give 'incident', an incident id such as INC-1001");
        }
        Object token = request.progressToken();
        Notifications.progress(exchange, token, 0, "triaging " + id);
        Thread worker = Thread.currentThread();
        AgentRun<TriageReport> run;
        try {
            run = runner.run(
                    new TriageAgent(),
                    id,
                    RunOptions.playbook(caller.principal()).withCancellation(worker::isInterrupted));
        } catch (IllegalArgumentException | RunStopped e) {
            return error(e.getMessage());
        }
        Notifications.progress(exchange, token, 1, "triaged " + id);
        Notifications.log(
                exchange,
                McpSchema.LoggingLevel.INFO,
                TRIAGE + " " + id + ": " + run.report().severity().level() + ", "
                        + run.run().toolCalls().size() + " tool calls");
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(TriageMarkdown.render(run))))
                .structuredContent(JsonTrees.JSON.convertValue(run.toJson(), Object.class))
                .isError(false)
                .meta(Map.of(
                        "dev.meshpilot/runId",
                        run.run().runId(),
                        "dev.meshpilot/mode",
                        run.run().mode()))
                .build();
    }

    private static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(TRIAGE + ": " + message)))
                .isError(true)
                .build();
    }
}
