package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.lineage.LineageGraph.ColumnHop;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.product.Criticality;
import dev.meshpilot.mesh.product.Products.Summary;
import dev.meshpilot.mesh.view.Owner;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code impact}: who is hurt when a product (or one of its columns) breaks — every downstream product up to
 * a depth, ranked by criticality (critical first) then distance, each with its owning team, chat channel and
 * on-call; a summary counts them by criticality and lists the teams to notify. Column-level impact ranks
 * the products that read the column, through column lineage.
 */
public final class ImpactTool extends ProductTool {
    public static final String NAME = "impact";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 200;

    public ImpactTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Blast radius of a data product (or one of its columns): every downstream consumer product up "
                                        + "to a depth (default 10), ranked by criticality then distance, with owning team, chat "
                                        + "channel and on-call, plus counts by criticality and the teams to notify.",
                                Page.arguments(
                                                Schema.input()
                                                        .required(
                                                                "product",
                                                                Schema.productId("The product that broke or changes."))
                                                        .optional(
                                                                "column",
                                                                Schema.string(1, 200, "Only consumers of this column."))
                                                        .optional(
                                                                "depth",
                                                                Schema.integer(
                                                                        1,
                                                                        LineageTool.MAX_DEPTH,
                                                                        "How many hops (default 10).")),
                                                DEFAULT_LIMIT,
                                                MAX_LIMIT)
                                        .build())
                        .outputSchema(OutputSchemas.of(ImpactView.class))
                        .scopes(Scope.LINEAGE_READ)
                        .build(),
                mesh,
                "product");
    }

    private record Consumer(String product, int depth, String via, Set<String> columns) {}

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        int depth = Args.integer(args, "depth", 10);
        Optional<String> column = Args.string(args, "column");
        LineageGraph graph = mesh.lineage();
        Map<String, Consumer> consumers = new LinkedHashMap<>();
        if (column.isPresent()) {
            for (ColumnHop h : graph.columns(product, column.get(), Direction.DOWNSTREAM, depth)) {
                String p = h.column().productId();
                if (p == null || p.equals(product)) {
                    continue;
                }
                Consumer c = consumers.computeIfAbsent(
                        p,
                        k -> new Consumer(
                                k, h.depth(), h.via() == null ? null : h.via().productId(), new LinkedHashSet<>()));
                c.columns().add(h.column().column());
            }
        } else {
            for (ProductHop h : graph.products(product, Direction.DOWNSTREAM, depth)) {
                consumers.put(h.productId(), new Consumer(h.productId(), h.depth(), h.via(), Set.of()));
            }
        }
        Map<String, Summary> products = mesh.summaries(consumers.keySet());
        Map<String, Owner> owners = new java.util.HashMap<>();
        List<Consumer> ranked = consumers.values().stream()
                .sorted(Comparator.comparingInt((Consumer c) -> rank(products.get(c.product())))
                        .thenComparingInt(Consumer::depth)
                        .thenComparing(Consumer::product))
                .toList();
        Map<String, Integer> by = new LinkedHashMap<>();
        for (Criticality c : Criticality.values()) {
            by.put(c.wireName(), (int) ranked.stream()
                    .filter(x -> products.get(x.product()) != null
                            && products.get(x.product()).criticality() == c)
                    .count());
        }
        List<String> teams = ranked.stream()
                .map(c -> products.get(c.product()))
                .filter(p -> p != null && p.owner() != null)
                .map(Summary::owner)
                .distinct()
                .toList();
        List<ImpactView.Consumer> out = new java.util.ArrayList<>();
        for (Consumer c : page.slice(ranked)) {
            Summary p = products.get(c.product());
            Owner owner = p == null
                    ? Owner.NONE
                    : owners.computeIfAbsent(
                            p.domain() + "/" + p.owner(),
                            k -> mesh.productViews().owner(p.domain(), p.owner()));
            out.add(new ImpactView.Consumer(
                    c.product(),
                    p == null ? null : p.criticality().wireName(),
                    c.depth(),
                    c.via(),
                    owner,
                    column.isPresent() ? List.copyOf(c.columns()) : null));
        }
        return Results.ok(new ImpactView(
                product,
                column.orElse(null),
                by,
                teams,
                out,
                ranked.size(),
                out.size(),
                page.next(ranked.size(), out.size())));
    }

    private static int rank(Summary p) {
        return p == null ? Criticality.values().length : p.criticality().ordinal();
    }
}
