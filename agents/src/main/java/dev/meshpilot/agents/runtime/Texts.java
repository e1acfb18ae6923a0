package dev.meshpilot.agents.runtime;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads text from tool results, whether plain or fenced by the gate ({@code {"untrusted": true, "text": ...}}). */
public final class Texts {
    private Texts() {}

    /** The text at {@code node}, unfenced; null for a missing or null node. */
    public static String of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject() && node.has("untrusted")) {
            return node.path("text").asText(null);
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
