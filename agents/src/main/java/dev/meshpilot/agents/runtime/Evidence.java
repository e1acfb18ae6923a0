package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.core.type.TypeReference;
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

    /**
     * The data read back as the tool's result record, e.g. {@code e.as(RecentRuns.class)}: a renamed field
     * fails to compile here instead of reading as missing. Only for evidence that {@link #hasData()}.
     *
     * @throws IllegalStateException when the data is not that tool's result
     */
    public <T> T as(Class<T> type) {
        return ResultReader.read(data(), type, id);
    }

    /** {@link #as(Class)} for a generic result, e.g. {@code e.as(LineageView.UPSTREAM)}. */
    public <T> T as(TypeReference<T> type) {
        return ResultReader.read(data(), type, id);
    }
}
