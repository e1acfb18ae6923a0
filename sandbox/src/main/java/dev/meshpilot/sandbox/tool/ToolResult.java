package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * What the gate returns for a call: a status the agent reasons about (never an exception), the data after
 * capping, redaction and fencing, a message for any status but {@code OK}, the audit record's sequence
 * number, and notes (what was truncated, redacted or flagged).
 */
public record ToolResult(Status status, JsonNode data, String message, long auditSeq, List<String> notes) {
    /** The outcome of a call. */
    public enum Status {
        OK,
        ERROR,
        DENIED,
        NO_DATA,
        TRUNCATED,
        TIMEOUT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ToolResult {
        Objects.requireNonNull(status, "status");
        notes = List.copyOf(notes);
    }
}
