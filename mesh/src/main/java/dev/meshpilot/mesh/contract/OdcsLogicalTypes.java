package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.BOOLEAN;
import static dev.meshpilot.mesh.contract.Values.NON_NEGATIVE;
import static dev.meshpilot.mesh.contract.Values.NUMBER;
import static dev.meshpilot.mesh.contract.Values.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The logical types of ODCS v3.1.0 properties and the {@code logicalTypeOptions} each one takes (length and
 * pattern for text, bounds for dates and numbers, item counts for arrays...).
 */
final class OdcsLogicalTypes {
    static final List<String> NAMES =
            List.of("string", "date", "timestamp", "time", "number", "integer", "object", "array", "boolean");

    private static final Fields DATE = Fields.NONE
            .with("format", TEXT)
            .with("exclusiveMaximum", TEXT)
            .with("maximum", TEXT)
            .with("exclusiveMinimum", TEXT)
            .with("minimum", TEXT);
    private static final Fields NUMERIC = Fields.NONE
            .with("multipleOf", NUMBER.then(Values.when(v -> v.doubleValue() > 0, "must be more than 0")))
            .with("maximum", NUMBER)
            .with("exclusiveMaximum", NUMBER)
            .with("minimum", NUMBER)
            .with("exclusiveMinimum", NUMBER);
    private static final Fields TIMESTAMP = DATE.with("timezone", BOOLEAN).with("defaultTimezone", TEXT);

    private static final Map<String, Rule> OPTIONS = Map.of(
            "string",
            Fields.NONE
                    .with("minLength", NON_NEGATIVE)
                    .with("maxLength", NON_NEGATIVE)
                    .with("pattern", TEXT)
                    .with("format", TEXT)
                    .closed(),
            "date",
            DATE.closed(),
            "timestamp",
            TIMESTAMP.closed(),
            "time",
            TIMESTAMP.closed(),
            "integer",
            NUMERIC.with("format", Values.oneOf("i8", "i16", "i32", "i64", "i128", "u8", "u16", "u32", "u64", "u128"))
                    .closed(),
            "number",
            NUMERIC.with("format", Values.oneOf("f32", "f64")).closed(),
            "object",
            Fields.NONE
                    .with("maxProperties", NON_NEGATIVE)
                    .with("minProperties", NON_NEGATIVE)
                    .with("required", Values.distinctListOf(TEXT))
                    .closed(),
            "array",
            Fields.NONE
                    .with("maxItems", NON_NEGATIVE)
                    .with("minItems", NON_NEGATIVE)
                    .with("uniqueItems", BOOLEAN)
                    .closed(),
            "boolean",
            Values.MAPPING);

    /** Options are only meaningful for a declared logical type. */
    private static final Rule WITHOUT_TYPE = Values.MAPPING.then((v, at, out) -> v.fieldNames()
            .forEachRemaining(k -> out.add(at.key(k), "set the property's logicalType to use logicalTypeOptions")));

    private OdcsLogicalTypes() {}

    /** The rule for {@code logicalTypeOptions} of a property whose {@code logicalType} is {@code type}. */
    static Rule options(JsonNode type) {
        if (type == null) {
            return WITHOUT_TYPE;
        }
        Rule rule = type.isTextual() ? OPTIONS.get(type.asText()) : null;
        return rule != null ? rule : Values.MAPPING; // an unknown type is reported on logicalType itself
    }
}
