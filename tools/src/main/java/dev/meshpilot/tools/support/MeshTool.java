package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.sandbox.tool.Tool;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;

/**
 * A mesh tool: a fixed declaration and a handler whose argument problems ({@link IllegalArgumentException},
 * e.g. a foreign cursor or an unknown metric) become {@code error} results with the message, which says
 * what would be valid.
 */
public abstract class MeshTool implements Tool {
    protected static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ToolDeclaration declaration;

    protected MeshTool(ToolDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public final ToolDeclaration declaration() {
        return declaration;
    }

    @Override
    public final ToolOutput run(ToolContext context, JsonNode args) {
        try {
            return execute(context, args);
        } catch (IllegalArgumentException e) {
            return ToolOutput.error(e.getMessage());
        }
    }

    protected abstract ToolOutput execute(ToolContext context, JsonNode args);

    protected static ObjectNode object() {
        return JSON.objectNode();
    }

    /** An instant as ISO-8601 text, or null. */
    protected static String time(java.time.Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
