package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Defensive copies of raw facet maps (facet name to its JSON object, in the order received). */
final class Raw {
    private Raw() {}

    static Map<String, JsonNode> copy(Map<String, JsonNode> raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> copy = new LinkedHashMap<>();
        raw.forEach((k, v) -> copy.put(k, v.deepCopy()));
        return Collections.unmodifiableMap(copy);
    }

    static Map<String, JsonNode> without(Map<String, JsonNode> raw, Set<String> known) {
        Map<String, JsonNode> rest = new LinkedHashMap<>(raw);
        rest.keySet().removeAll(known);
        return Collections.unmodifiableMap(rest);
    }
}
