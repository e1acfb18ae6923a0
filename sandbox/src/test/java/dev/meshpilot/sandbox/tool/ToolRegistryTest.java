package dev.meshpilot.sandbox.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
    static Tool named(String name) {
        ToolDeclaration d = ToolDeclaration.builder(name, "Does nothing.", "{\"type\":\"object\"}")
                .build();
        return new Tool() {
            public ToolDeclaration declaration() {
                return d;
            }

            public List<Resource> resources(JsonNode args) {
                return List.of(Resource.MESH);
            }

            public ToolOutput run(ToolContext context, JsonNode args) {
                return ToolOutput.noData("nothing");
            }
        };
    }

    @Test
    void should_find_tools_by_name_and_list_them_sorted() {
        ToolRegistry tools = ToolRegistry.of(List.of(named("sql.query"), named("catalog.product")));

        assertThat(tools.names()).containsExactly("catalog.product", "sql.query");
        assertThat(tools.find("sql.query")).isPresent();
        assertThat(tools.find("sql")).isEmpty();
    }

    @Test
    void should_refuse_two_tools_with_one_name() {
        assertThatThrownBy(() -> ToolRegistry.of(List.of(named("a"), named("a"))))
                .hasMessageStartingWith("two tools are named a");
    }
}
