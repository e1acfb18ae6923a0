package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.product.Products;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code list_products}: the products of the whole mesh or of one domain that the caller may read, by id, with
 * domain, criticality and owner — the scope of a sweep. Products the caller may not read are left out.
 */
public final class ListProductsTool extends MeshTool {
    public static final String NAME = "list_products";
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 200;

    private final MeshView mesh;

    public ListProductsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Lists the data products of the mesh, or of one domain, by id: domain, criticality and owner "
                                + "team. Use it to know what a domain or the mesh holds before reading each product.",
                        Page.arguments(
                                        Schema.input()
                                                .optional(
                                                        "domain",
                                                        Schema.string(
                                                                1, 100, "Only this domain's products (default all).")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(ProductList.class))
                .scopes(Scope.CATALOG_READ)
                .build());
        this.mesh = mesh;
    }

    /** Checked per product: the gate only requires catalog:read somewhere. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> domain = Args.string(args, "domain");
        if (domain.isPresent() && mesh.products().domain(domain.get()).isEmpty()) {
            return ToolOutput.error("no domain '" + domain.get() + "'; list_products without a domain lists them all");
        }
        List<Products.Summary> all = mesh.products().summaries().values().stream()
                .filter(s -> domain.isEmpty() || domain.get().equals(s.domain()))
                .filter(s -> AccessPolicy.check(context.principal(), Scope.CATALOG_READ, ProductRefs.resource(s.id()))
                        .allowed())
                .sorted(Comparator.comparing(Products.Summary::id))
                .toList();
        List<ProductList.Item> items = page.slice(all).stream()
                .map(s ->
                        new ProductList.Item(s.id(), s.domain(), s.criticality().wireName(), s.owner()))
                .toList();
        return Results.ok(new ProductList(items, all.size(), items.size(), page.next(all.size(), items.size())));
    }
}
