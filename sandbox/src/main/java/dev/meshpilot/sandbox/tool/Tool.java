package dev.meshpilot.sandbox.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.Resource;
import java.util.List;

/**
 * A tool's handler, declared by its {@link ToolDeclaration}. It runs only through the gate, which has already
 * validated {@code args} against the input schema and checked every required scope on every resource
 * {@link #resources} names. A failure the agent should read is returned as {@link ToolOutput#error}; an
 * exception becomes an {@code error} result too, never a crash of the run. Implementations must be
 * thread-safe: the gate calls them from many virtual threads at once.
 *
 * <pre>{@code
 * final class ProductTool implements Tool {
 *     public ToolDeclaration declaration() { return DECLARATION; }
 *     public List<Resource> resources(JsonNode args) {
 *         String id = args.get("id").asText();
 *         return List.of(Resource.product(id.substring(0, id.indexOf('.')), id));
 *     }
 *     public ToolOutput run(ToolContext ctx, JsonNode args) { ... }
 * }
 * }</pre>
 */
public interface Tool {
    /** What the tool is; read once, when the gate is built, so it must not change. */
    ToolDeclaration declaration();

    /**
     * The domains and products a call with {@code args} touches: {@link Resource#MESH} for a mesh-wide read.
     * An empty list means the tool decides per item itself (as {@code sql.query} does per table); the gate
     * then only checks that the principal holds each required scope somewhere. Must be cheap and must not
     * touch data: it runs before authorization.
     */
    List<Resource> resources(JsonNode args);

    /** Does the work; should check {@link ToolContext#cancelled()} in long loops. */
    ToolOutput run(ToolContext context, JsonNode args);
}
