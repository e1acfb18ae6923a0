package dev.meshpilot.tools.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.lineage.LineageGraph;
import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.lineage.LineageGraph.ProductHop;
import dev.meshpilot.mesh.lineage.UpstreamHealth;
import dev.meshpilot.mesh.lineage.UpstreamHealth.Suspect;
import dev.meshpilot.mesh.product.Products.Summary;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code lineage_upstream} and {@code lineage_downstream}: the closure of a product (or one of its columns)
 * in one direction, up to a depth, as a summary (how many products at each depth, in each domain) plus one
 * page of hops ordered by depth then id. Upstream, each ancestor carries its health — failed, late or ok —
 * when the caller may read its runs, and the summary names the earliest failing or late ancestors: the
 * likely root causes of a problem downstream.
 */
public final class LineageTool extends ProductTool {
    public static final String UPSTREAM = "lineage_upstream";
    public static final String DOWNSTREAM = "lineage_downstream";
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 200;
    static final int MAX_DEPTH = 20;

    private final Direction direction;

    private LineageTool(MeshView mesh, Direction direction, ToolDeclaration declaration) {
        super(declaration, mesh, "product");
        this.direction = direction;
    }

    public static LineageTool upstream(MeshView mesh) {
        return new LineageTool(
                mesh,
                Direction.UPSTREAM,
                declaration(
                        UPSTREAM,
                        "Walks lineage upstream from a data product (or one of its columns): the products and columns it is "
                                + "built from, hop by hop, up to a depth. Each upstream product has a health (failed, late "
                                + "against its freshness SLO, or ok) and the summary lists the earliest failing or late "
                                + "ancestors first: start there when something downstream is broken or late. Returns a "
                                + "summary plus one page of hops; use the cursor for more.",
                        5));
    }

    public static LineageTool downstream(MeshView mesh) {
        return new LineageTool(
                mesh,
                Direction.DOWNSTREAM,
                declaration(
                        DOWNSTREAM,
                        "Walks lineage downstream from a data product (or one of its columns): every product and column "
                                + "built from it, hop by hop, up to a depth. Returns a summary (counts per depth and domain) "
                                + "plus one page of hops; use the cursor for more, or impact for consumers ranked by "
                                + "criticality with their owners.",
                        5));
    }

    static ToolDeclaration declaration(String name, String description, int defaultDepth) {
        return ToolDeclaration.builder(
                        name,
                        description,
                        Page.arguments(
                                        Schema.input()
                                                .required("product", Schema.productId("Start product id."))
                                                .optional(
                                                        "column",
                                                        Schema.string(
                                                                1,
                                                                200,
                                                                "A column of the start product: column-level lineage."))
                                                .optional(
                                                        "depth",
                                                        Schema.integer(
                                                                1,
                                                                MAX_DEPTH,
                                                                "How many hops (default " + defaultDepth + ")."))
                                                .optional(
                                                        "asOf",
                                                        Schema.string(
                                                                1,
                                                                40,
                                                                "Upstream only: judge health at this ISO-8601 instant, e.g. when an incident began (default: now, or the mesh's asOf).")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(LineageView.class))
                .scopes(Scope.LINEAGE_READ)
                .build();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        LineageGraph graph = mesh.lineage();
        Page page = Page.of(args, declaration().name(), DEFAULT_LIMIT, MAX_LIMIT);
        int depth = Args.integer(args, "depth", 5);
        Optional<String> column = Args.string(args, "column");
        String way = direction.name().toLowerCase(Locale.ROOT);
        if (column.isPresent()) {
            List<LineageGraph.ColumnHop> hops = graph.columns(product, column.get(), direction, depth);
            var summary = new LineageView.Summary(
                    counts(hops.stream().map(h -> h.depth()).toList(), String::valueOf),
                    null,
                    counts(
                            hops.stream()
                                    .map(h -> String.valueOf(h.column().productId()))
                                    .toList(),
                            s -> s),
                    hops.stream().mapToInt(LineageGraph.ColumnHop::depth).max().orElse(0),
                    null,
                    null);
            List<ColumnHop> out =
                    page.slice(hops).stream().map(LineageTool::hop).toList();
            return Results.ok(
                    new LineageView<>(
                            product,
                            column.get(),
                            way,
                            depth,
                            summary,
                            out,
                            hops.size(),
                            out.size(),
                            page.next(hops.size(), out.size())),
                    List.of("/hops/*/transformation"));
        }
        List<ProductHop> hops = graph.products(product, direction, depth);
        List<ProductHop> shown = page.slice(hops);
        Map<String, Summary> products =
                mesh.summaries(shown.stream().map(ProductHop::productId).toList());
        Map<String, Suspect> suspects = Map.of();
        List<LineageView.Suspect> listed = null;
        java.time.Instant asOf = null;
        if (direction == Direction.UPSTREAM) {
            asOf = Args.instant(args, "asOf").orElseGet(mesh::asOf);
            List<Suspect> found = new UpstreamHealth(mesh.store(), graph)
                    .suspects(product, asOf, depth).stream()
                            .filter(s -> mayReadRuns(context, s.productId()))
                            .toList();
            suspects = found.stream().collect(Collectors.toMap(Suspect::productId, s -> s, (a, b) -> a));
            listed = found.stream()
                    .map(s -> new LineageView.Suspect(
                            s.productId(), status(s), s.root(), s.depth(), List.copyOf(s.path())))
                    .toList();
        }
        var summary = new LineageView.Summary(
                counts(hops.stream().map(ProductHop::depth).toList(), String::valueOf),
                counts(hops.stream().map(h -> domainOf(h.productId())).toList(), s -> s),
                null,
                hops.stream().mapToInt(ProductHop::depth).max().orElse(0),
                listed,
                asOf);
        List<LineageView.Hop> out = new java.util.ArrayList<>();
        for (ProductHop h : shown) {
            Summary p = products.get(h.productId());
            String criticality = p == null ? null : p.criticality().wireName();
            String owner = p == null ? null : p.owner();
            if (direction == Direction.UPSTREAM) {
                out.add(new UpstreamHop(
                        h.productId(),
                        h.depth(),
                        h.via(),
                        domainOf(h.productId()),
                        criticality,
                        owner,
                        health(context, h.productId(), suspects.get(h.productId()))));
            } else {
                out.add(new DownstreamHop(
                        h.productId(), h.depth(), h.via(), domainOf(h.productId()), criticality, owner));
            }
        }
        return Results.ok(
                new LineageView<>(
                        product,
                        null,
                        way,
                        depth,
                        summary,
                        out,
                        hops.size(),
                        out.size(),
                        page.next(hops.size(), out.size())),
                List.of("/hops/*/health/errorMessage"));
    }

    private static UpstreamHop.Health health(ToolContext context, String productId, Suspect s) {
        if (!mayReadRuns(context, productId)) {
            return null;
        }
        if (s == null) {
            return UpstreamHop.Ok.OK;
        }
        return new UpstreamHop.Issue(
                status(s),
                s.root(),
                s.lastRunState(),
                s.lastRunAt(),
                s.lastSuccessAt(),
                s.lateBy() == null ? null : Math.round(s.lateBy().toMinutes() / 6.0) / 10.0,
                s.errorMessage());
    }

    private static String status(Suspect s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    private static boolean mayReadRuns(ToolContext context, String productId) {
        return AccessPolicy.check(context.principal(), Scope.RUNS_READ, ProductRefs.resource(productId))
                .allowed();
    }

    static String domainOf(String productId) {
        int dot = productId.indexOf('.');
        return dot < 0 ? productId : productId.substring(0, dot);
    }

    /** The columns column-level lineage reaches from one column, as the column form of this tool shows them. */
    public static List<ColumnHop> columns(
            MeshView mesh, String product, String column, Direction direction, int depth) {
        return mesh.lineage().columns(product, column, direction, depth).stream()
                .map(LineageTool::hop)
                .toList();
    }

    private static ColumnHop hop(LineageGraph.ColumnHop h) {
        return new ColumnHop(
                h.column().productId(),
                h.column().namespace() + "/" + h.column().dataset(),
                h.column().column(),
                h.depth(),
                h.via() == null ? null : ref(h.via()),
                h.transformation());
    }

    private static String ref(LineageGraph.ColumnRef c) {
        return (c.productId() != null ? c.productId() : c.namespace() + "/" + c.dataset()) + "." + c.column();
    }

    private static <T> Map<String, Integer> counts(List<T> values, Function<T, String> key) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        values.forEach(v -> counts.merge(key.apply(v), 1, Integer::sum));
        return counts;
    }
}
