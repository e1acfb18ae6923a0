package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;

/** Reading values out of an ODCS document, also when the gate fenced free text into {@code {untrusted, text}}. */
final class Docs {
    private Docs() {}

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isObject() && v.path("untrusted").asBoolean(false)) {
            return v.path("text").asText();
        }
        return v.isValueNode() ? v.asText() : null;
    }

    static String name(JsonNode node) {
        String n = text(node, "name");
        return n != null ? n : text(node, "physicalName") != null ? text(node, "physicalName") : "";
    }

    static String customProperty(JsonNode node, String property) {
        for (JsonNode c : node.path("customProperties")) {
            if (property.equalsIgnoreCase(text(c, "property"))) {
                return text(c, "value");
            }
        }
        return null;
    }

    /** A description as one text: plain, or purpose, limitations and usage joined. */
    static String description(JsonNode doc) {
        JsonNode d = doc.get("description");
        if (d == null || d.isNull()) {
            return null;
        }
        if (d.isValueNode() || d.path("untrusted").asBoolean(false)) {
            return text(doc, "description");
        }
        StringBuilder b = new StringBuilder();
        for (String k : new String[] {"purpose", "limitations", "usage"}) {
            String t = text(d, k);
            if (t != null) {
                b.append(b.isEmpty() ? "" : "\n").append(t.strip());
            }
        }
        return b.toString();
    }
}
