package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.mesh.view.ProductViews;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Results;
import java.util.List;

/**
 * {@code resource.product}: one data product as a {@link ProductView} (the shape {@code get_data_product} and
 * REST return), for {@code mesh://products/{id}}; needs catalog:read.
 */
public final class ProductReadTool extends ReadTool {
    public static final String NAME = "resource.product";
    private final ProductViews products;

    public ProductReadTool(ProductViews products) {
        super(
                NAME,
                "Reads one data product by id (<domain>.<name>).",
                ID_SCHEMA,
                OutputSchemas.of(ProductView.class),
                Scope.CATALOG_READ);
        this.products = products;
    }

    /** The product id names its domain, so the gate checks catalog:read before anything is read. */
    @Override
    public List<Resource> resources(JsonNode args) {
        String id = args.path("id").asText();
        String domain = domainOf(id);
        if (domain == null) {
            throw new IllegalArgumentException("product ids are <domain>.<name>, got '" + id + "'");
        }
        return List.of(Resource.product(domain, id));
    }

    @Override
    public ToolOutput run(ToolContext context, JsonNode args) {
        String id = args.get("id").asText();
        return products.get(id).map(Results::ok).orElseGet(() -> ToolOutput.noData("no product '" + id + "'"));
    }
}
