package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds the input JSON Schemas (2020-12) of tool declarations: objects that refuse unknown properties. Output
 * schemas are not written by hand: {@link OutputSchemas} derives them from the result records.
 *
 * <pre>{@code
 * ObjectNode in = Schema.input()
 *         .required("product", Schema.productId("The product, e.g. payments.transactions"))
 *         .optional("depth", Schema.integer(1, 10, "How many hops (default 3)"))
 *         .build();
 * }</pre>
 */
public final class Schema {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private final ObjectNode node = F.objectNode();
    private final ObjectNode properties;
    private final ArrayNode required;

    private Schema() {
        node.put("type", "object");
        properties = node.putObject("properties");
        required = node.putArray("required");
        node.put("additionalProperties", false);
    }

    /** A tool's arguments: unknown properties are refused. */
    public static Schema input() {
        return new Schema();
    }

    public Schema required(String name, ObjectNode schema) {
        properties.set(name, schema);
        required.add(name);
        return this;
    }

    public Schema optional(String name, ObjectNode schema) {
        properties.set(name, schema);
        return this;
    }

    public ObjectNode build() {
        if (required.isEmpty()) {
            node.remove("required");
        }
        return node.deepCopy();
    }

    public static ObjectNode string(String description) {
        return F.objectNode().put("type", "string").put("description", description);
    }

    /** A bounded string argument. */
    public static ObjectNode string(int minLength, int maxLength, String description) {
        return string(description).put("minLength", minLength).put("maxLength", maxLength);
    }

    /** A product id argument: {@code <domain>.<name>}. */
    public static ObjectNode productId(String description) {
        return string(3, 200, description).put("pattern", "^[a-z0-9_]+\\.[^.\\s]+$");
    }

    public static ObjectNode integer(int min, int max, String description) {
        return F.objectNode()
                .put("type", "integer")
                .put("minimum", min)
                .put("maximum", max)
                .put("description", description);
    }

    public static ObjectNode integer(String description) {
        return F.objectNode().put("type", "integer").put("description", description);
    }

    public static ObjectNode bool(String description) {
        return F.objectNode().put("type", "boolean").put("description", description);
    }

    public static ObjectNode oneOf(String description, Iterable<String> values) {
        ObjectNode s = F.objectNode().put("type", "string").put("description", description);
        ArrayNode e = s.putArray("enum");
        values.forEach(e::add);
        return s;
    }

    public static ObjectNode array(ObjectNode items, String description) {
        ObjectNode s = F.objectNode().put("type", "array").put("description", description);
        s.set("items", items);
        return s;
    }

    public static ObjectNode strings(String description) {
        return array(F.objectNode().put("type", "string"), description);
    }

    /**
     * Free text from the mesh, which the gate fences: either the plain string or
     * {@code {"untrusted": true, "flagged": bool, "text": "..."}}; null when there is none.
     */
    public static ObjectNode text(String description) {
        ObjectNode s = F.objectNode().put("description", description);
        ArrayNode any = s.putArray("anyOf");
        any.addObject().put("type", "null");
        any.addObject().put("type", "string");
        ObjectNode fenced = any.addObject().put("type", "object");
        ObjectNode p = fenced.putObject("properties");
        p.putObject("untrusted").put("const", true);
        p.putObject("flagged").put("type", "boolean");
        p.putObject("text").put("type", "string");
        fenced.putArray("required").add("untrusted").add("flagged").add("text");
        return s;
    }
}
