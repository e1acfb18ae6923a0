package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;

/** {@code get_data_product}: one data product with its owner, contract version, ports and SLOs. */
public final class GetDataProductTool extends ProductTool {
    public static final String NAME = "get_data_product";

    public GetDataProductTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns one data product of the mesh by id (<domain>.<name>): description, domain, owning team "
                                        + "with chat channel and on-call, criticality, tags, its contract's current version, "
                                        + "output ports (OpenLineage namespace/name) and SLOs.",
                                Schema.input()
                                        .required("id", Schema.productId("Product id, e.g. payments.transactions."))
                                        .build())
                        .outputSchema(OutputSchemas.of(ProductView.class))
                        .scopes(Scope.CATALOG_READ)
                        .build(),
                mesh,
                "id");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String id) {
        return Results.ok(mesh.productViews().get(id).orElseThrow());
    }
}
