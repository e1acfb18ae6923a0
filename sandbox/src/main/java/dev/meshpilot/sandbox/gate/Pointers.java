package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.UnaryOperator;

/** Applies a change to every value matched by a JSON pointer whose segments may be {@code *}. */
final class Pointers {
    private Pointers() {}

    /** Replaces each value at {@code pattern} under {@code root} by {@code change(value)}; returns matches. */
    static int replace(JsonNode root, String pattern, UnaryOperator<JsonNode> change) {
        String[] parts = pattern.startsWith("/") ? pattern.substring(1).split("/") : pattern.split("/");
        return walk(root, parts, 0, change);
    }

    private static int walk(JsonNode node, String[] parts, int i, UnaryOperator<JsonNode> change) {
        if (node == null || i >= parts.length) {
            return 0;
        }
        String part = parts[i].replace("~1", "/").replace("~0", "~");
        boolean last = i == parts.length - 1;
        int count = 0;
        if (node instanceof ObjectNode object) {
            for (String key : part.equals("*") ? iterable(object) : java.util.List.of(part)) {
                JsonNode child = object.get(key);
                if (child == null) {
                    continue;
                }
                if (last) {
                    object.set(key, change.apply(child));
                    count++;
                } else {
                    count += walk(child, parts, i + 1, change);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int k = 0; k < array.size(); k++) {
                if (!part.equals("*") && !part.equals(Integer.toString(k))) {
                    continue;
                }
                if (last) {
                    array.set(k, change.apply(array.get(k)));
                    count++;
                } else {
                    count += walk(array.get(k), parts, i + 1, change);
                }
            }
        }
        return count;
    }

    private static java.util.List<String> iterable(ObjectNode object) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
