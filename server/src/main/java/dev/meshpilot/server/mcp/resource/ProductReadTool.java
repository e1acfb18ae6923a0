package dev.meshpilot.server.mcp.resource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolOutput;
import java.util.List;

/** {@code resource.product}: one data product as stored, for {@code mesh://products/{id}}; needs catalog:read. */
public final class ProductReadTool extends ReadTool {
    public static final String NAME = "resource.product";
    private final Products products;

    public ProductReadTool(Products products) {
        super(NAME, "Reads one data product by id (<domain>.<name>).", ID_SCHEMA, Scope.CATALOG_READ);
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
        return products.get(id)
                .map(p -> ToolOutput.ok(tree(p), List.of(), List.of("/description")))
                .orElseGet(() -> ToolOutput.noData("no product '" + id + "'"));
    }
}
