package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.tool.ToolResult.Status;

/** A call's outcome before it is audited: status, the shaped data, a message, and what shaping did. */
record Shaped(Status status, JsonNode data, String message, Findings findings, long bytes) {
    /** A refusal by the gate itself: its message is the gate's own text. */
    static Shaped denied(String message) {
        return new Shaped(Status.DENIED, null, message, new Findings(), 0);
    }
}
