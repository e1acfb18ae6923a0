package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.view.ProductView;
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
 * {@code list_products}: the products of the whole mesh or of one domain that the caller may read, each as
 * {@code get_data_product} shows it (owner, criticality, contract, ports, SLOs), with the mesh's {@code asOf} —
 * what a sweep over a scope (anomalies, drift) starts from. Products the caller may not read are left out.
 */
public final class ListProductsTool extends MeshTool {
    public static final String NAME = "list_products";
    private static final int DEFAULT_LIMIT = 200;
    private static final int MAX_LIMIT = 500;

    private final MeshView mesh;

    public ListProductsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Lists the data products of the mesh, or of one domain, by id: domain, owner, criticality, "
                                + "tags, contract version, output ports and SLOs, and the instant the mesh is judged "
                                + "at. Use it to know what a domain or the mesh holds before reading each product.",
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
        List<ProductView> all = mesh.productViews().list().stream()
                .filter(p -> domain.isEmpty() || domain.get().equals(p.domain().id()))
                .filter(p -> AccessPolicy.check(context.principal(), Scope.CATALOG_READ, ProductRefs.resource(p.id()))
                        .allowed())
                .sorted(Comparator.comparing(ProductView::id))
                .toList();
        List<ProductView> shown = page.slice(all);
        return Results.ok(
                new ProductList(shown, all.size(), shown.size(), page.next(all.size(), shown.size()), mesh.asOf()));
    }
}
