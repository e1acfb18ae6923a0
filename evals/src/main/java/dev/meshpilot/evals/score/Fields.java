package dev.meshpilot.evals.score;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Reads a named field of a report: the values at one or more JSON pointers, where a {@code *} segment stands
 * for every element of an array (or every value of an object). Nulls and missing nodes yield nothing.
 */
public final class Fields {
    private Fields() {}

    /** Every non-null value at {@code pointers} in {@code root}, as text, each once, in document order. */
    public static List<String> values(JsonNode root, List<String> pointers) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String p : pointers) {
            List<JsonNode> nodes = new ArrayList<>();
            walk(root, segments(p), 0, nodes);
            for (JsonNode n : nodes) {
                if (!n.isNull() && !n.isMissingNode()) {
                    out.add(n.isValueNode() ? n.asText() : n.toString());
                }
            }
        }
        return List.copyOf(out);
    }

    /** The first value, or null when there is none. */
    public static String first(JsonNode root, List<String> pointers) {
        List<String> v = values(root, pointers);
        return v.isEmpty() ? null : v.getFirst();
    }

    private static List<String> segments(String pointer) {
        List<String> out = new ArrayList<>();
        for (String s : pointer.substring(1).split("/", -1)) {
            out.add(s.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    private static void walk(JsonNode node, List<String> segs, int i, List<JsonNode> out) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (i == segs.size()) {
            out.add(node);
            return;
        }
        String s = segs.get(i);
        if ("*".equals(s)) {
            node.elements().forEachRemaining(c -> walk(c, segs, i + 1, out));
        } else if (node.isArray() && s.matches("[0-9]+")) {
            walk(node.get(Integer.parseInt(s)), segs, i + 1, out);
        } else if (node.isObject()) {
            walk(node.get(s), segs, i + 1, out);
        }
    }
}
