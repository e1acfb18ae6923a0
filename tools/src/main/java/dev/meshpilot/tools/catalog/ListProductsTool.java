package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code list_products}: every data product of the mesh, or of one domain, as {@code get_data_product} shows
 * each; what a sweep over a scope (drift, anomalies) starts from. Needs catalog:read on the mesh or the domain.
 */
public final class ListProductsTool extends MeshTool {
    public static final String NAME = "list_products";
    private final MeshView mesh;

    public ListProductsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Lists the data products of the mesh, or of one domain, each with owner, criticality, tags, "
                                + "contract version, output ports and SLOs.",
                        Schema.input()
                                .optional("domain", Schema.string(1, 100, "Only this domain's products."))
                                .build())
                .outputSchema(OutputSchemas.of(ProductList.class))
                .scopes(Scope.CATALOG_READ)
                .build());
        this.mesh = mesh;
    }

    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of(Args.string(args, "domain").map(Resource::domain).orElse(Resource.MESH));
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Optional<String> domain = Args.string(args, "domain");
        List<ProductView> out = mesh.productViews().list().stream()
                .filter(p -> domain.isEmpty() || p.domain().id().equals(domain.get()))
                .sorted(Comparator.comparing(ProductView::id))
                .toList();
        if (domain.isPresent() && out.isEmpty()) {
            throw new IllegalArgumentException("no products in domain '" + domain.get() + "'");
        }
        return Results.ok(new ProductList(out, out.size(), mesh.asOf()));
    }
}
