package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What a tool's handler returns: data (JSON), or a failure the agent can read; which values are classified
 * ({@link Sensitive}); which fields hold untrusted free text from the mesh (JSON pointers with {@code *}),
 * such as descriptions, error messages and runbook bodies.
 */
public record ToolOutput(
        ToolResult.Status status, JsonNode data, String message, List<Sensitive> sensitive, List<String> untrusted) {
    public ToolOutput {
        Objects.requireNonNull(status, "status");
        sensitive = List.copyOf(sensitive);
        untrusted = List.copyOf(untrusted);
    }

    public static ToolOutput ok(JsonNode data, List<Sensitive> sensitive, List<String> untrusted) {
        return new ToolOutput(ToolResult.Status.OK, data, null, sensitive, untrusted);
    }

    public static ToolOutput ok(JsonNode data) {
        return ok(data, List.of(), List.of());
    }

    public static ToolOutput noData(String message) {
        return new ToolOutput(ToolResult.Status.NO_DATA, null, message, List.of(), List.of());
    }

    public static ToolOutput error(String message) {
        return new ToolOutput(ToolResult.Status.ERROR, null, message, List.of(), List.of());
    }
}
