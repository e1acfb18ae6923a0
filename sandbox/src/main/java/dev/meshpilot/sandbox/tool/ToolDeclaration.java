package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.sandbox.principal.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a tool is, apart from how it runs: its name, a description written for a model, JSON Schemas (2020-12)
 * for input and output, the scopes a call needs on each resource it touches, its side-effect class and cost.
 * Validated on construction: the name matches {@code [a-z][a-z0-9_.]*}, the description is not blank, and
 * both schemas are valid JSON Schemas of {@code "type": "object"} without remote references. Immutable.
 *
 * <pre>{@code
 * ToolDeclaration d = ToolDeclaration.builder("catalog.product", "Returns one data product ...", """
 *         {"type":"object","properties":{"id":{"type":"string"}},"required":["id"]}""")
 *         .scopes(Scope.CATALOG_READ)
 *         .cost(CostClass.CHEAP)
 *         .build();
 * }</pre>
 *
 * @throws IllegalArgumentException from the constructor, saying which part is invalid and why
 */
public record ToolDeclaration(
        String name,
        String description,
        JsonNode inputSchema,
        JsonNode outputSchema,
        Set<Scope> requiredScopes,
        SideEffect sideEffect,
        CostClass costClass) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ToolDeclaration {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9_.]*")) {
            throw new IllegalArgumentException("tool name must match [a-z][a-z0-9_.]*: " + name);
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("tool " + name + " needs a description for the model");
        }
        SchemaCheck.objectSchema(name, "inputSchema", inputSchema);
        if (outputSchema != null) {
            SchemaCheck.objectSchema(name, "outputSchema", outputSchema);
        }
        inputSchema = inputSchema.deepCopy();
        outputSchema = outputSchema == null ? null : outputSchema.deepCopy();
        requiredScopes = Set.copyOf(requiredScopes);
        Objects.requireNonNull(sideEffect, "sideEffect");
        Objects.requireNonNull(costClass, "costClass");
    }

    /** Starts a declaration; the input schema is JSON text. */
    public static Builder builder(String name, String description, String inputSchemaJson) {
        return new Builder(name, description, parse(name, "inputSchema", inputSchemaJson));
    }

    /** Starts a declaration with an input schema already parsed. */
    public static Builder builder(String name, String description, JsonNode inputSchema) {
        return new Builder(name, description, inputSchema);
    }

    /** The scopes as a sorted list of wire names, for messages. */
    public List<String> scopeNames() {
        return requiredScopes.stream().map(Scope::wireName).sorted().toList();
    }

    private static JsonNode parse(String tool, String which, String json) {
        try {
            return JSON.readTree(Objects.requireNonNull(json, which));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "tool " + tool + ": " + which + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Builds a declaration; scopes (none), output schema (none), side effect (READ) and cost (CHEAP) are optional. */
    public static final class Builder {
        private final String name;
        private final String description;
        private final JsonNode inputSchema;
        private JsonNode outputSchema;
        private Set<Scope> scopes = Set.of();
        private SideEffect sideEffect = SideEffect.READ;
        private CostClass costClass = CostClass.CHEAP;

        private Builder(String name, String description, JsonNode inputSchema) {
            this.name = name;
            this.description = description;
            this.inputSchema = inputSchema;
        }

        public Builder outputSchema(JsonNode schema) {
            this.outputSchema = schema;
            return this;
        }

        public Builder outputSchema(String schemaJson) {
            return outputSchema(parse(name, "outputSchema", schemaJson));
        }

        public Builder scopes(Scope... required) {
            this.scopes = Set.of(required);
            return this;
        }

        public Builder sideEffect(SideEffect effect) {
            this.sideEffect = effect;
            return this;
        }

        public Builder cost(CostClass cost) {
            this.costClass = cost;
            return this;
        }

        public ToolDeclaration build() {
            return new ToolDeclaration(name, description, inputSchema, outputSchema, scopes, sideEffect, costClass);
        }
    }
}
