package dev.meshpilot.server.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Validates an agent tool's arguments against its input schema, as the gate does every tool's: an argument
 * the schema does not declare is refused (naming the valid ones), and so is a value it does not allow
 * ({@code mode: "fast"}). Thread-safe.
 */
final class AgentArguments {
    private final String tool;
    private final Schema schema;
    private final TreeSet<String> names = new TreeSet<>();

    AgentArguments(String tool, ObjectNode inputSchema) {
        this.tool = tool;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(inputSchema.toString(), InputFormat.JSON);
        inputSchema.path("properties").fieldNames().forEachRemaining(names::add);
    }

    /** What is wrong with {@code args}, in words; empty when they are valid. */
    Optional<String> problems(Map<String, Object> args) {
        List<String> problems = new ArrayList<>();
        args.keySet().stream()
                .filter(k -> !names.contains(k))
                .sorted()
                .forEach(k -> problems.add("unknown argument '" + k + "' (" + tool + " takes " + names + ")"));
        if (problems.isEmpty()) {
            JsonNode tree = JsonTrees.JSON.valueToTree(args);
            schema.validate(tree.toString(), InputFormat.JSON)
                    .forEach(e -> problems.add(e.getInstanceLocation() + ": " + e.getMessage()));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }
}
