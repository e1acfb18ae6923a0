package dev.meshpilot.mesh.migration;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A property of a schema object as the diff sees it, read from the ODCS document: {@code name} (nested ones as
 * {@code parent.child}), its column name (physicalName, else name), its position among the object's
 * properties, and the raw node for the rest.
 */
record Prop(String object, String name, String column, int position, JsonNode node) {
    String logicalType() {
        return Docs.text(node, "logicalType");
    }

    String physicalType() {
        return Docs.text(node, "physicalType");
    }

    boolean required() {
        return node.path("required").asBoolean(false);
    }

    boolean unique() {
        return node.path("unique").asBoolean(false);
    }

    boolean primaryKey() {
        return node.path("primaryKey").asBoolean(false);
    }

    boolean partitioned() {
        return node.path("partitioned").asBoolean(false);
    }

    String classification() {
        return Docs.text(node, "classification");
    }

    String description() {
        return Docs.text(node, "description");
    }

    /** The name the producer declared as the old one ({@code customProperties: renamedFrom}), if any. */
    String renamedFrom() {
        return Docs.customProperty(node, "renamedFrom");
    }

    /** A default value the producer declared ({@code customProperties: default}), if any. */
    String defaultValue() {
        return Docs.customProperty(node, "default");
    }

    List<String> examples() {
        List<String> out = new ArrayList<>();
        node.path("examples").forEach(e -> out.add(e.isValueNode() ? e.asText() : e.toString()));
        return out;
    }

    /** Allowed values: {@code validValues} of its quality rules, or {@code logicalTypeOptions.enum}. */
    List<String> allowedValues() {
        List<String> out = new ArrayList<>();
        node.path("logicalTypeOptions").path("enum").forEach(v -> out.add(v.asText()));
        for (JsonNode q : node.path("quality")) {
            JsonNode vv = q.path("arguments").path("validValues");
            if (vv.isMissingNode()) {
                vv = q.path("validValues");
            }
            vv.forEach(v -> out.add(v.isNull() ? "null" : v.asText()));
        }
        return out;
    }

    /** The properties of every object of a document, nested ones flattened, in document order. */
    static List<Prop> all(JsonNode doc) {
        List<Prop> out = new ArrayList<>();
        for (JsonNode o : doc.path("schema")) {
            String object = Docs.name(o);
            int[] pos = {0};
            for (JsonNode p : o.path("properties")) {
                add(out, object, "", p, pos);
            }
        }
        return out;
    }

    private static void add(List<Prop> out, String object, String prefix, JsonNode p, int[] pos) {
        String name = prefix + Docs.name(p);
        String physical = Docs.text(p, "physicalName");
        out.add(new Prop(object, name, physical != null ? prefix + physical : name, pos[0]++, p));
        JsonNode nested = p.has("items") ? p.path("items").path("properties") : p.path("properties");
        for (JsonNode child : nested) {
            add(out, object, name + ".", child, pos);
        }
    }
}
