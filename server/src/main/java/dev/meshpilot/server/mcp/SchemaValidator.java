package dev.meshpilot.server.mcp;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK's JSON Schema hook on the validator the rest of Meshpilot uses (networknt 3, JSON Schema 2020-12).
 * The SDK's own Jackson 2 validator needs networknt 2, which this build does not carry. Compiled schemas are
 * cached by their text; thread-safe.
 */
public final class SchemaValidator implements JsonSchemaValidator {
    /** Tools declare their schemas once; a bound keeps schemas made per request from piling up. */
    private static final int MAX_INSTANCES = 1_024;

    private static final int MAX_REMEMBERED = 2_048;
    private static final int MAX_REMEMBERED_TEXT = 64 * 1024;

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    /** The same schema map is passed on every call of a tool: found by identity, it is not written out again. */
    private final Map<Object, Schema> byInstance = Collections.synchronizedMap(new IdentityHashMap<>());
    /** Texts that passed, by schema: at most {@link #MAX_REMEMBERED} of up to {@link #MAX_REMEMBERED_TEXT} chars. */
    private final Map<Passed, Boolean> passed = new ConcurrentHashMap<>();

    private record Passed(Schema schema, String content) {}

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        String content = JsonTrees.write(structuredContent);
        Schema compiledSchema;
        try {
            compiledSchema = schema(schema);
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid("cannot validate: " + e.getMessage());
        }
        // An assistant asks for the same product or incident again and again: the same text against the same
        // schema has the same verdict, found with a hash instead of a parse and a walk.
        Passed key = new Passed(compiledSchema, content);
        if (content.length() <= MAX_REMEMBERED_TEXT && passed.containsKey(key)) {
            return ValidationResponse.asValid(content);
        }
        List<String> problems;
        try {
            problems = compiledSchema.validate(content, InputFormat.JSON).stream()
                    .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                    .toList();
        } catch (RuntimeException e) {
            return ValidationResponse.asInvalid("cannot validate: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            return ValidationResponse.asInvalid(String.join("; ", problems));
        }
        if (content.length() <= MAX_REMEMBERED_TEXT) {
            if (passed.size() >= MAX_REMEMBERED) {
                passed.clear();
            }
            passed.put(key, Boolean.TRUE);
        }
        return ValidationResponse.asValid(content);
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
        Schema known = byInstance.get(schema);
        if (known != null) {
            return known;
        }
        Schema made = compiled.computeIfAbsent(JsonTrees.write(schema), text -> {
            Schema s = registry.getSchema(text, InputFormat.JSON);
            s.initializeValidators();
            return s;
        });
        if (byInstance.size() < MAX_INSTANCES) {
            byInstance.put(schema, made);
        }
        return made;
    }
}
