package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/**
 * Bounds a result: every list to {@code maxItems}, then, while the JSON is over {@code maxBytes}, halves
 * the lists and shortens long texts. Every cut is written down in {@code notes}, so truncation is stated,
 * never silent.
 */
final class Capper {
    private static final int SHORT_TEXT = 500;

    private Capper() {}

    /** Caps {@code data} in place; returns its final size in bytes, or -1 when it cannot fit at all. */
    static int cap(JsonNode data, int maxItems, int maxBytes, List<String> notes) {
        trim(data, "", maxItems, notes);
        int size = data.toString().length();
        for (int round = 0; size > maxBytes && round < 12; round++) {
            halve(data, "", notes);
            size = data.toString().length();
        }
        if (size > maxBytes) {
            shorten(data, notes);
            size = data.toString().length();
        }
        return size > maxBytes ? -1 : size;
    }

    private static void trim(JsonNode node, String path, int max, List<String> notes) {
        if (node instanceof ArrayNode array) {
            if (array.size() > max) {
                notes.add("truncated " + (path.isEmpty() ? "/" : path) + " from " + array.size() + " to " + max
                        + " items");
                while (array.size() > max) {
                    array.remove(array.size() - 1);
                }
            }
            for (int i = 0; i < array.size(); i++) {
                trim(array.get(i), path + "/" + i, max, notes);
            }
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> trim(e.getValue(), path + "/" + e.getKey(), max, notes));
        }
    }

    private static void halve(JsonNode node, String path, List<String> notes) {
        if (node instanceof ArrayNode array) {
            if (array.size() > 1) {
                int keep = array.size() / 2;
                notes.add("truncated " + (path.isEmpty() ? "/" : path) + " from " + array.size() + " to " + keep
                        + " items to fit the size limit");
                while (array.size() > keep) {
                    array.remove(array.size() - 1);
                }
            }
            array.forEach(child -> halve(child, path + "/*", notes));
        } else if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> halve(e.getValue(), path + "/" + e.getKey(), notes));
        }
    }

    private static void shorten(JsonNode node, List<String> notes) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                if (e.getValue().isTextual() && e.getValue().asText().length() > SHORT_TEXT) {
                    object.set(
                            e.getKey(), TextNode.valueOf(e.getValue().asText().substring(0, SHORT_TEXT) + "…"));
                    notes.add("shortened texts longer than " + SHORT_TEXT + " characters");
                } else {
                    shorten(e.getValue(), notes);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> shorten(child, notes));
        }
    }
}
