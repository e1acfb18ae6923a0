package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.gate.Gate;
import dev.meshpilot.sandbox.tool.SideEffect;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolResult;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The gate's tools for the agent {@code mcp} as MCP tools. Each call runs as the caller's principal through
 * {@link Gate#call} (validated, authorized, budgeted, timed out, redacted and audited there) on its own
 * virtual thread; cancelling the request interrupts it. Progress (when the client sent a token) and one log
 * line per call (tool, status, audit number: never arguments or data; debug when it succeeded, warning when
 * not) go to the client.
 */
final class GateTools {
    static final String AGENT = "mcp";
    /** For tools that declare no output schema: any object (still a valid outputSchema). */
    private static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");

    private GateTools() {}

    static List<AsyncToolSpecification> specifications(Gate gate) {
        List<AsyncToolSpecification> out = new ArrayList<>();
        ToolNames.byMcpName(gate.declarations(AGENT))
                .forEach((mcpName, d) -> out.add(new AsyncToolSpecification(
                        tool(mcpName, d),
                        (exchange, request) -> Blocking.call(() -> call(gate, d, exchange, request)))));
        return out;
    }

    private static McpSchema.Tool tool(String mcpName, ToolDeclaration d) {
        return McpSchema.Tool.builder()
                .name(mcpName)
                .title(d.name())
                .description(d.description())
                .inputSchema(JsonTrees.map(d.inputSchema()))
                .outputSchema(d.outputSchema() == null ? ANY_OBJECT : JsonTrees.map(d.outputSchema()))
                .annotations(new McpSchema.ToolAnnotations(
                        d.name(), d.sideEffect() != SideEffect.WRITE, false, true, false, null))
                .meta(Map.of("dev.meshpilot/gateTool", d.name(), "dev.meshpilot/scopes", d.scopeNames()))
                .build();
    }

    private static McpSchema.CallToolResult call(
            Gate gate, ToolDeclaration d, McpAsyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Caller caller = Caller.of(exchange);
        Object token = request.progressToken();
        Notifications.progress(exchange, token, 0, "calling " + d.name());
        JsonNode args = JsonTrees.tree(request.arguments());
        String runId = AGENT + "-" + UUID.randomUUID();
        ToolResult r;
        try {
            r = gate.call(new ToolContext(caller.principal(), AGENT, runId, null, null), d.name(), args);
        } finally {
            gate.endRun(runId);
        }
        Notifications.progress(exchange, token, 1, d.name() + " " + r.status().wireName());
        // A routine success is a debug line, sent only to a client that asked for debug with logging/setLevel:
        // a notification turns the reply into an SSE stream, which costs a plain call a third of its speed.
        Notifications.log(
                exchange,
                r.hasData() ? McpSchema.LoggingLevel.DEBUG : McpSchema.LoggingLevel.WARNING,
                d.name() + " " + r.status().wireName() + " (audit #" + r.auditSeq() + ")");
        return CallResults.of(d.name(), r);
    }
}
