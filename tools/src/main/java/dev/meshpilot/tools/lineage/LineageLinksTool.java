package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lineage_links}: of a set of products, which lie upstream of which and how many hops away — what grouping
 * a thousand anomalous products along lineage needs, in a few calls instead of a {@code lineage_upstream} each.
 */
public final class LineageLinksTool extends MeshTool {
    public static final String NAME = "lineage_links";
    private static final int MAX_PRODUCTS = 2000;
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 500;

    private final MeshView mesh;

    public LineageLinksTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Given a set of product ids, returns every pair where one lies upstream of the other within "
                                + "depth product hops, with the hop count: the lineage among just those products.",
                        Page.arguments(
                                        Schema.input()
                                                .required(
                                                        "products",
                                                        Schema.array(
                                                                Schema.productId("Product id."),
                                                                "The products (at most 2000)."))
                                                .optional(
                                                        "depth",
                                                        Schema.integer(1, 10, "Most product hops apart (default 6).")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(LineageLinks.class))
                .scopes(Scope.LINEAGE_READ)
                .build());
        this.mesh = mesh;
    }

    @Override
    public List<Resource> resources(JsonNode args) {
        return Args.strings(args, "products").stream()
                .map(ProductRefs::resource)
                .toList();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Set<String> products = new LinkedHashSet<>(Args.strings(args, "products"));
        if (products.isEmpty() || products.size() > MAX_PRODUCTS) {
            return ToolOutput.error("give between 1 and " + MAX_PRODUCTS + " product ids, got " + products.size());
        }
        int depth = Args.integer(args, "depth", 6);
        LineageGraph graph = mesh.lineage();
        List<LineageLinks.Link> links = new ArrayList<>();
        for (String p : products) {
            for (LineageGraph.ProductHop h : graph.products(p, Direction.UPSTREAM, depth)) {
                if (products.contains(h.productId()) && !h.productId().equals(p)) {
                    links.add(new LineageLinks.Link(h.productId(), p, h.depth()));
                }
            }
        }
        List<LineageLinks.Link> shown = page.slice(links);
        return Results.ok(new LineageLinks(shown, links.size(), shown.size(), page.next(links.size(), shown.size())));
    }
}
