package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.Resource;
import java.util.List;

/**
 * A tool's handler. It runs only through the gate, which has already validated {@code args} against the
 * declaration's input schema and checked the required scopes on every resource {@link #resources} names.
 * A failure the agent should read is returned as {@link ToolOutput#error}; an exception becomes an
 * {@code error} result too, never a crash of the run.
 */
public interface Tool {
    ToolDeclaration declaration();

    /** The domains and products a call with {@code args} touches ({@link Resource#MESH} for mesh-wide). */
    List<Resource> resources(JsonNode args);

    /** Does the work; should check {@link ToolContext#cancelled()} in long loops. */
    ToolOutput run(ToolContext context, JsonNode args);
}
