package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.sandbox.principal.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a tool is, apart from how it runs: its name, a description written for a model, JSON Schemas for
 * input and output, the scopes a call needs on each resource it touches, its side-effect class and cost.
 *
 * <pre>{@code
 * ToolDeclaration d = ToolDeclaration.builder("get_data_product", "Returns one data product ...", schema)
 *         .scopes(Scope.CATALOG_READ)
 *         .build();
 * }</pre>
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
        if (inputSchema == null || !"object".equals(inputSchema.path("type").asText())) {
            throw new IllegalArgumentException("tool " + name + ": inputSchema must be a JSON Schema of type object");
        }
        if (outputSchema != null && !outputSchema.isObject()) {
            throw new IllegalArgumentException("tool " + name + ": outputSchema must be a JSON Schema object");
        }
        requiredScopes = Set.copyOf(requiredScopes);
        Objects.requireNonNull(sideEffect, "sideEffect");
        Objects.requireNonNull(costClass, "costClass");
    }

    public static Builder builder(String name, String description, String inputSchemaJson) {
        try {
            return new Builder(name, description, JSON.readTree(inputSchemaJson));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "tool " + name + ": inputSchema is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Builds a declaration; scopes, output schema, side effect (default READ) and cost are optional. */
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

    /** The scopes as a sorted list, for messages. */
    public List<String> scopeNames() {
        return requiredScopes.stream().map(Scope::wireName).sorted().toList();
    }
}
