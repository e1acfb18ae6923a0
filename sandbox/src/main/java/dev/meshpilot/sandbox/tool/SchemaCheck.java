package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * Checks that a tool's schema is a JSON Schema (2020-12) of an object: valid against the meta-schema, with
 * {@code "type": "object"}, and compilable (its patterns are valid regular expressions). The meta-schema
 * ships inside the validator's jar; nothing is fetched, and a {@code $ref} to anything but the schema itself
 * is refused.
 */
final class SchemaCheck {
    private static final class Meta {
        static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        static final Schema SCHEMA =
                REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    private SchemaCheck() {}

    static void objectSchema(String tool, String which, JsonNode schema) {
        if (schema == null
                || !schema.isObject()
                || !"object".equals(schema.path("type").asText())) {
            throw new IllegalArgumentException(
                    "tool " + tool + ": " + which + " must be a JSON Schema with \"type\": \"object\"");
        }
        String remote = remoteRef(schema);
        if (remote != null) {
            throw new IllegalArgumentException("tool " + tool + ": " + which + " refers to " + remote
                    + "; only local references (\"#/...\") are allowed, nothing is fetched");
        }
        String text = schema.toString();
        List<String> problems = Meta.SCHEMA.validate(text, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("tool " + tool + ": " + which + " is not a valid JSON Schema 2020-12: "
                    + String.join("; ", problems));
        }
        try {
            Meta.REGISTRY.getSchema(text, InputFormat.JSON).initializeValidators();
        } catch (SchemaException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "tool " + tool + ": " + which + " does not compile: " + e.getMessage(), e);
        }
    }

    private static String remoteRef(JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
                return ref.toString();
            }
            for (var e : node.properties()) {
                String found = remoteRef(e.getValue());
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                String found = remoteRef(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
