package dev.meshpilot.tools.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import java.util.List;

/**
 * A tool about one data product, named by an argument: the gate checks the caller's scopes on that product
 * (on the whole mesh when an optional argument is left out), and an unknown id is an {@code error} naming
 * close ids before the tool's own work runs.
 */
public abstract class ProductTool extends MeshTool {
    protected final MeshView mesh;
    private final String argument;
    private final boolean optional;

    /** A tool whose {@code argument} (required by its schema) names the product. */
    protected ProductTool(ToolDeclaration declaration, MeshView mesh, String argument) {
        this(declaration, mesh, argument, false);
    }

    /** With {@code optional}, the argument may be left out: the call then covers the whole mesh. */
    protected ProductTool(ToolDeclaration declaration, MeshView mesh, String argument, boolean optional) {
        super(declaration);
        this.mesh = mesh;
        this.argument = argument;
        this.optional = optional;
    }

    @Override
    public final List<Resource> resources(JsonNode args) {
        return List.of(Args.string(args, argument).map(ProductRefs::resource).orElse(Resource.MESH));
    }

    @Override
    protected final ToolOutput execute(ToolContext context, JsonNode args) {
        String product = optional ? Args.string(args, argument).orElse(null) : Args.required(args, argument);
        if (product != null && !mesh.productViews().exists(product)) {
            return ToolOutput.error(ProductRefs.unknown(product, mesh.products().list()));
        }
        return execute(context, args, product);
    }

    /** The tool's work for a product that exists (null: none named, for an optional argument). */
    protected abstract ToolOutput execute(ToolContext context, JsonNode args, String product);
}
