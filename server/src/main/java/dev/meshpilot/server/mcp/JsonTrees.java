package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Conversions between the gate's Jackson trees and the plain values the SDK's records carry. */
final class JsonTrees {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private JsonTrees() {}

    static Map<String, Object> map(JsonNode node) {
        return JSON.convertValue(node, MAP);
    }

    static JsonNode tree(Object value) {
        return value == null ? JSON.createObjectNode() : JSON.valueToTree(value);
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
