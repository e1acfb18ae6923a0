package dev.meshpilot.sandbox.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Validates tool arguments against each tool's input schema (JSON Schema 2020-12), compiled once. */
final class ArgumentValidator {
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ConcurrentHashMap<String, Schema> schemas = new ConcurrentHashMap<>();

    /** The problems with {@code args}, each naming the argument; empty when they are valid. */
    List<String> problems(ToolDeclaration tool, JsonNode args) {
        if (args == null || !args.isObject()) {
            return List.of("arguments must be a JSON object");
        }
        Schema schema = schemas.computeIfAbsent(
                tool.name(), n -> registry.getSchema(tool.inputSchema().toString(), InputFormat.JSON));
        return schema.validate(args.toString(), InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .distinct()
                .toList();
    }
}
