package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Decision;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.sandbox.tool.ToolResult;
import java.util.List;

/** What the resource read tools share: their declaration, JSON conversion and the per-item access check. */
abstract class ReadTool implements Tool {
    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final String ID_SCHEMA = """
            {"type":"object","properties":{"id":{"type":"string","minLength":1,"maxLength":200}},
             "required":["id"],"additionalProperties":false}""";

    private final ToolDeclaration declaration;

    ReadTool(String name, String description, String inputSchema, Scope scope) {
        this(name, description, inputSchema, JSON.createObjectNode().put("type", "object"), scope);
    }

    /** A read tool whose items have the output schema {@code outputSchema} (derived from their view record). */
    ReadTool(String name, String description, String inputSchema, JsonNode outputSchema, Scope scope) {
        this.declaration = ToolDeclaration.builder(name, description, inputSchema)
                .outputSchema(outputSchema)
                .scopes(scope)
                .build();
    }

    @Override
    public final ToolDeclaration declaration() {
        return declaration;
    }

    /** Checked per item in {@code run}, after the lookup tells which product the item belongs to. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    static JsonNode tree(Object value) {
        return JSON.valueToTree(value);
    }

    /** A denial naming the scope the caller lacks, or null when the caller may read items of {@code product}. */
    static ToolOutput deniedUnless(Principal principal, Scope scope, String domain, String product) {
        Resource r = domain == null ? Resource.MESH : new Resource(domain, product);
        Decision d = AccessPolicy.check(principal, scope, r);
        return d.allowed() ? null : new ToolOutput(ToolResult.Status.DENIED, null, d.reason(), List.of(), List.of());
    }

    static String domainOf(String productId) {
        int dot = productId == null ? -1 : productId.indexOf('.');
        return dot <= 0 ? null : productId.substring(0, dot);
    }
}
