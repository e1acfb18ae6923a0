package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.util.Objects;

/**
 * One tool call of a run and what it returned, numbered {@code E1, E2, ...}: the id a finding cites as its
 * evidence. {@code by} is {@code playbook} or {@code model}.
 */
public record Evidence(String id, String tool, JsonNode args, ToolResult result, long micros, String by) {
    public Evidence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(result, "result");
    }

    /** Whether the call returned data ({@code ok} or {@code truncated}). */
    public boolean hasData() {
        return result.hasData();
    }

    public JsonNode data() {
        return result.data();
    }
}
