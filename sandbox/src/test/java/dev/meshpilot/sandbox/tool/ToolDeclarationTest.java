package dev.meshpilot.sandbox.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.meshpilot.sandbox.principal.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ToolDeclarationTest {
    static final String ARGS = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";

    @Test
    void should_build_with_defaults_for_the_optional_parts() throws Exception {
        ToolDeclaration d = ToolDeclaration.builder("catalog.product", "Returns a product.", ARGS)
                .scopes(Scope.CATALOG_READ, Scope.LINEAGE_READ)
                .outputSchema("{\"type\":\"object\"}")
                .build();
        ToolDeclaration fromNode = ToolDeclaration.builder("x", "X.", new ObjectMapper().readTree(ARGS))
                .build();

        assertThat(d.sideEffect()).isEqualTo(SideEffect.READ);
        assertThat(d.costClass()).isEqualTo(CostClass.CHEAP);
        assertThat(d.scopeNames()).containsExactly("catalog:read", "lineage:read");
        assertThat(fromNode.outputSchema()).isNull();
        assertThat(fromNode.requiredScopes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Catalog", "1tool", "get-product", "sql query", "../etc", "tool;drop", ""})
    void should_refuse_names_outside_the_pattern(String name) {
        assertThatThrownBy(() -> ToolDeclaration.builder(name, "D.", ARGS).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[a-z][a-z0-9_.]*");
    }

    @Test
    void should_refuse_a_blank_description() {
        assertThatThrownBy(() -> ToolDeclaration.builder("t", " ", ARGS).build())
                .hasMessageContaining("needs a description");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "{\"type\":\"string\"}",
                "{\"properties\":{}}",
                "{\"type\":\"object\",\"required\":\"id\"}",
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"text\"}}}",
                "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"pattern\":\"[\"}}}",
                "{\"type\":\"object\",\"properties\":{\"id\":{\"$ref\":\"https://example.com/id.json\"}}}"
            })
    void should_refuse_input_schemas_that_are_not_valid_object_schemas(String schema) {
        assertThatThrownBy(() -> ToolDeclaration.builder("t", "D.", schema).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tool t: inputSchema ");
    }

    @Test
    void should_refuse_an_output_schema_that_is_not_an_object_schema_and_json_that_does_not_parse() {
        assertThatThrownBy(() -> ToolDeclaration.builder("t", "D.", ARGS)
                        .outputSchema("{\"type\":\"array\"}")
                        .build())
                .hasMessageContaining("outputSchema must be a JSON Schema with \"type\": \"object\"");
        assertThatThrownBy(() -> ToolDeclaration.builder("t", "D.", "{\"type\":"))
                .hasMessageContaining("inputSchema is not JSON");
    }

    @Test
    void should_accept_local_references() {
        String schema = "{\"type\":\"object\",\"$defs\":{\"id\":{\"type\":\"string\"}},"
                + "\"properties\":{\"id\":{\"$ref\":\"#/$defs/id\"}}}";

        assertThat(ToolDeclaration.builder("t", "D.", schema).build().name()).isEqualTo("t");
    }
}
