package dev.meshpilot.server.mcp;

import dev.meshpilot.sandbox.tool.ToolResult;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A gate {@link ToolResult} as an MCP tool result. With data ({@code ok}, {@code truncated}): the data as
 * {@code structuredContent} and the same JSON as text. Otherwise ({@code denied}, {@code error},
 * {@code timeout}, {@code no_data}): {@code isError: true} with the gate's message, which says what went wrong
 * and what would be allowed. Either way {@code _meta} carries the status, the audit record's number, the
 * gate's notes and flags (redacted, truncated, untrusted text).
 */
final class CallResults {
    private CallResults() {}

    static McpSchema.CallToolResult of(String tool, ToolResult r) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("dev.meshpilot/status", r.status().wireName());
        meta.put("dev.meshpilot/auditSeq", r.auditSeq());
        if (!r.notes().isEmpty()) {
            meta.put("dev.meshpilot/notes", r.notes());
        }
        if (!r.flags().isEmpty()) {
            meta.put(
                    "dev.meshpilot/flags",
                    r.flags().stream().map(ToolResult.Flag::wireName).toList());
        }
        if (!r.truncations().isEmpty()) {
            meta.put(
                    "dev.meshpilot/truncations",
                    r.truncations().stream()
                            .map(t -> JsonTrees.JSON.convertValue(t, Map.class))
                            .toList());
        }
        if (r.hasData()) {
            Object structured = JsonTrees.JSON.convertValue(r.data(), Object.class);
            return McpSchema.CallToolResult.builder()
                    .content(List.of(new McpSchema.TextContent(JsonTrees.write(r.data()))))
                    .structuredContent(structured)
                    .isError(false)
                    .meta(meta)
                    .build();
        }
        String message = tool + " " + r.status().wireName() + " (audit #" + r.auditSeq() + "): "
                + (r.message() == null ? "no further detail" : r.message());
        return McpSchema.CallToolResult.builder()
                .content(List.of(new McpSchema.TextContent(message)))
                .isError(true)
                .meta(meta)
                .build();
    }
}
