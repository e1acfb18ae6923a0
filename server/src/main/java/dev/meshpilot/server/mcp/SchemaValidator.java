package dev.meshpilot.server.mcp;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's JSON Schema hook on the validator the rest of Meshpilot uses (networknt 3, JSON Schema 2020-12).
 * The SDK's own Jackson 2 validator needs networknt 2, which this build does not carry. Compiled schemas are
 * cached by their text; thread-safe.
 */
public final class SchemaValidator implements JsonSchemaValidator {
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        String content = JsonTrees.write(structuredContent);
        List<String> problems;
        try {
            problems = schema(schema).validate(content, InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                    .toList();
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid("cannot validate: " + e.getMessage());
        }
        return problems.isEmpty()
                ? ValidationResponse.asValid(content)
                : ValidationResponse.asInvalid(String.join("; ", problems));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        try {
            schema(schema);
            return ValidationResponse.asValid(null);
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid(e.getMessage());
        }
    }

    private Schema schema(Map<String, Object> schema) {
        return compiled.computeIfAbsent(JsonTrees.write(schema), text -> {
            Schema s = registry.getSchema(text, InputFormat.JSON);
            s.initializeValidators();
            return s;
        });
    }
}
