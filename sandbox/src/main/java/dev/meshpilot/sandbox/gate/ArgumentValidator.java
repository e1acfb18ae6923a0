package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates tool arguments against each tool's input schema (JSON Schema 2020-12). Every schema is compiled
 * once, when the gate is built. Thread-safe: compiled schemas are immutable.
 */
final class ArgumentValidator {
    private record Compiled(Schema schema, String expected) {}

    private final Map<String, Compiled> schemas = new HashMap<>();

    ArgumentValidator(ToolRegistry tools) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        for (ToolDeclaration d : tools.declarations()) {
            JsonNode input = d.inputSchema();
            Schema schema = registry.getSchema(input.toString(), InputFormat.JSON);
            schema.initializeValidators();
            schemas.put(d.name(), new Compiled(schema, expected(input)));
        }
    }

    /** The problems with {@code args}, each naming the argument, then what is expected; empty when valid. */
    List<String> problems(String tool, JsonNode args) {
        Compiled c = schemas.get(tool);
        if (args == null || !args.isObject()) {
            return List.of("arguments must be a JSON object", c.expected());
        }
        List<String> problems;
        try {
            problems = c.schema().validate(args.toString(), InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                    .distinct()
                    .toList();
        } catch (RuntimeException e) {
            problems = List.of(
                    "the arguments could not be validated (" + e.getClass().getSimpleName() + ")");
        }
        if (problems.isEmpty()) {
            return problems;
        }
        return Stream.concat(problems.stream(), Stream.of(c.expected())).toList();
    }

    /** "expected arguments: a (required), b" from the schema's properties, for an agent to retry with. */
    private static String expected(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        List<String> names = new ArrayList<>();
        schema.path("properties")
                .fieldNames()
                .forEachRemaining(n -> names.add(required.contains(n) ? n + " (required)" : n));
        boolean closed = schema.path("additionalProperties").isBoolean()
                && !schema.path("additionalProperties").asBoolean();
        return "expected arguments: " + (names.isEmpty() ? "none declared" : String.join(", ", names))
                + (closed ? ", nothing else" : "");
    }
}
