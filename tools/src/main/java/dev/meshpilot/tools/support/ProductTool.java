package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import java.util.List;

/**
 * A tool about one data product, named by a required argument: the gate checks the caller's scopes on that
 * product, and an unknown id is an {@code error} naming close ids before the tool's own work runs.
 */
public abstract class ProductTool extends MeshTool {
    protected final MeshView mesh;
    private final String argument;

    protected ProductTool(ToolDeclaration declaration, MeshView mesh, String argument) {
        super(declaration);
        this.mesh = mesh;
        this.argument = argument;
    }

    @Override
    public final List<Resource> resources(JsonNode args) {
        return List.of(ProductRefs.resource(Args.required(args, argument)));
    }

    @Override
    protected final ToolOutput execute(ToolContext context, JsonNode args) {
        String product = Args.required(args, argument);
        if (mesh.products().get(product).isEmpty()) {
            return ToolOutput.error(ProductRefs.unknown(product, mesh.products().list()));
        }
        return execute(context, args, product);
    }

    /** The tool's work for a product that exists. */
    protected abstract ToolOutput execute(ToolContext context, JsonNode args, String product);
}
