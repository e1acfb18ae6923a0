package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.BOOLEAN;
import static dev.meshpilot.mesh.contract.Values.INTEGER;
import static dev.meshpilot.mesh.contract.Values.TEXT;
import static dev.meshpilot.mesh.contract.Values.listOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code schema} of an ODCS contract: objects (tables, topics, files), their properties (columns), the
 * items of array properties, nested properties of object properties, and their quality rules.
 */
final class OdcsSchemaRules {
    /** What objects and properties share: identity, names, descriptions, links, tags. */
    private static final Fields ELEMENT = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .with("name", TEXT)
            .with("physicalType", TEXT)
            .with("description", TEXT)
            .with("businessName", TEXT)
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .with("tags", OdcsCommon.TAGS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES);

    private static final Rule PROPERTIES = listOf((v, at, out) -> property(v, at, out, false));
    private static final Rule ITEMS = (v, at, out) -> property(v, at, out, true);

    private static final Fields PROPERTY = ELEMENT.with(
                    "logicalType", Values.oneOf(OdcsLogicalTypes.NAMES.toArray(String[]::new)))
            .with("physicalName", TEXT)
            .with("primaryKey", BOOLEAN)
            .with("primaryKeyPosition", INTEGER)
            .with("required", BOOLEAN)
            .with("unique", BOOLEAN)
            .with("partitioned", BOOLEAN)
            .with("partitionKeyPosition", INTEGER)
            .with("classification", TEXT)
            .with("encryptedName", TEXT)
            .with("transformSourceObjects", listOf(TEXT))
            .with("transformLogic", TEXT)
            .with("transformDescription", TEXT)
            .with("criticalDataElement", BOOLEAN)
            .with("examples", listOf(Values.ANY))
            .with("relationships", listOf(OdcsRelationships.ON_PROPERTY))
            .with("quality", OdcsQualityRules.CHECKS);

    /** One schema object: a named table, view, topic or file with its properties. */
    static final Rule OBJECT = ELEMENT.require("name", TEXT)
            .with("logicalType", Values.oneOf("object"))
            .with("physicalName", TEXT)
            .with("dataGranularityDescription", TEXT)
            .with("properties", PROPERTIES)
            .with("relationships", listOf(OdcsRelationships.ON_OBJECT))
            .with("quality", OdcsQualityRules.CHECKS)
            .closed();

    private OdcsSchemaRules() {}

    /**
     * A property (or, with {@code item}, the item of an array property, which needs no name). Nested
     * {@code properties} belong to {@code object} properties and to items, {@code items} to {@code array}
     * properties; a property without a logical type may have either.
     */
    private static void property(JsonNode v, Where at, Findings out, boolean item) {
        if (!v.isObject()) {
            out.add(at, "expected a mapping, got " + Values.describe(v));
            return;
        }
        JsonNode type = v.get("logicalType");
        String name = type != null && type.isTextual() ? type.asText() : type == null ? "" : "?";
        Fields fields = PROPERTY.with("logicalTypeOptions", OdcsLogicalTypes.options(type));
        if (item || name.isEmpty() || name.equals("object")) {
            fields = fields.with("properties", PROPERTIES);
        }
        if (name.isEmpty() || name.equals("array")) {
            fields = fields.with("items", ITEMS);
        }
        if (!item) {
            fields = fields.require("name", TEXT);
        }
        fields.check(misplaced(v, fields, at, out), at, out, true);
    }

    /** Reports nested properties or items on a property of the wrong type; returns the rest to check. */
    private static JsonNode misplaced(JsonNode v, Fields fields, Where at, Findings out) {
        ObjectNode rest = null;
        for (String key : new String[] {"properties", "items"}) {
            if (v.has(key) && !fields.has(key)) {
                String type = key.equals("items") ? "array" : "object";
                out.add(at.key(key), "only a property with logicalType: " + type + " has " + key);
                rest = rest == null ? v.deepCopy() : rest;
                rest.remove(key);
            }
        }
        return rest == null ? v : rest;
    }
}
