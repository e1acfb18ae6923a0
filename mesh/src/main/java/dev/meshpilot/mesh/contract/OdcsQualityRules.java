package dev.meshpilot.mesh.contract;

import static dev.meshpilot.mesh.contract.Values.ANY;
import static dev.meshpilot.mesh.contract.Values.NUMBER;
import static dev.meshpilot.mesh.contract.Values.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * ODCS data quality rules. A rule is {@code text} (prose), {@code library} (a predefined metric such as
 * {@code nullValues}; the default when a {@code metric} is given), {@code sql} (a query) or {@code custom}
 * (an engine's own check). Library and SQL rules compare their result with exactly one operator:
 * {@code mustBe}, {@code mustBeGreaterThan}, {@code mustBeBetween: [a, b]}...
 */
final class OdcsQualityRules {
    static final List<String> TYPES = List.of("text", "library", "sql", "custom");
    static final List<String> METRICS =
            List.of("nullValues", "missingValues", "invalidValues", "duplicateValues", "rowCount");
    static final List<String> DIMENSIONS =
            List.of("accuracy", "completeness", "conformity", "consistency", "coverage", "timeliness", "uniqueness");

    private static final Rule RANGE = Values.listOf(NUMBER)
            .then(Values.when(v -> v.size() == 2, "expected two numbers [low, high]"))
            .then(Values.when(v -> !v.get(0).equals(v.get(1)), "expected two different numbers [low, high]"));

    private static final Fields OPERATORS = Fields.NONE
            .with("mustBe", ANY)
            .with("mustNotBe", ANY)
            .with("mustBeGreaterThan", NUMBER)
            .with("mustBeGreaterOrEqualTo", NUMBER)
            .with("mustBeLessThan", NUMBER)
            .with("mustBeLessOrEqualTo", NUMBER)
            .with("mustBeBetween", RANGE)
            .with("mustNotBeBetween", RANGE);
    private static final List<String> OPERATOR_NAMES = List.of(
            "mustBe",
            "mustNotBe",
            "mustBeGreaterThan",
            "mustBeGreaterOrEqualTo",
            "mustBeLessThan",
            "mustBeLessOrEqualTo",
            "mustBeBetween",
            "mustNotBeBetween");

    private static final Fields BASE = Fields.NONE
            .with("id", OdcsCommon.STABLE_ID)
            .with("name", TEXT)
            .with("description", TEXT)
            .with("type", Values.oneOf(TYPES.toArray(String[]::new)))
            .with("dimension", Values.oneOf(DIMENSIONS.toArray(String[]::new)))
            .with("method", TEXT)
            .with("severity", TEXT)
            .with("businessImpact", TEXT)
            .with("unit", TEXT)
            .with("schedule", TEXT)
            .with("scheduler", TEXT)
            .with("tags", OdcsCommon.TAGS)
            .with("authoritativeDefinitions", OdcsCommon.AUTHORITATIVE_DEFINITIONS)
            .with("customProperties", OdcsCommon.CUSTOM_PROPERTIES);
    private static final Fields LIBRARY = Fields.NONE
            .require("metric", Values.oneOf(METRICS.toArray(String[]::new)))
            .with("rule", TEXT)
            .with("arguments", Values.MAPPING);
    private static final Fields SQL = Fields.NONE.require("query", TEXT);
    private static final Fields CUSTOM = Fields.NONE
            .require("engine", TEXT)
            .require("implementation", Values.kind(v -> v.isTextual() || v.isObject(), "text or a mapping"));

    /** The {@code quality} list of a contract, object or property. */
    static final Rule CHECKS = Values.listOf(OdcsQualityRules::rule);

    private OdcsQualityRules() {}

    private static void rule(JsonNode v, Where at, Findings out) {
        if (!v.isObject()) {
            out.add(at, "expected a mapping, got " + Values.describe(v));
            return;
        }
        String type = v.path("type").isTextual() ? v.get("type").asText() : "";
        boolean library = type.equals("library") || v.path("metric").isTextual();
        boolean compares = library || type.equals("sql");
        Fields fields = BASE;
        fields = library ? fields.plus(LIBRARY) : fields;
        fields = type.equals("sql") ? fields.plus(SQL) : fields;
        fields = type.equals("custom") ? fields.plus(CUSTOM) : fields;
        if (compares) {
            fields = fields.plus(OPERATORS);
            operators(v, at, out);
        }
        fields.check(v, at, out, true);
    }

    /** A library or SQL rule compares its result with exactly one operator. */
    private static void operators(JsonNode v, Where at, Findings out) {
        List<String> given = new ArrayList<>();
        OPERATOR_NAMES.stream().filter(v::has).forEach(given::add);
        if (given.isEmpty()) {
            out.add(at, "a library or sql rule needs one operator (valid: " + String.join(", ", OPERATOR_NAMES) + ")");
        } else if (given.size() > 1) {
            out.add(
                    at.key(given.get(1)),
                    "only one operator per rule, found " + String.join(" and ", given)
                            + " (for a range use mustBeBetween: [low, high])");
        }
    }
}
