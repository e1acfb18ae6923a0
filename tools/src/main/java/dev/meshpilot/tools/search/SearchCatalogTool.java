package dev.meshpilot.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchHit;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code search_catalog}: hybrid (keyword + meaning) search over products, contracts, runbooks and incidents,
 * filtered by kind and domain, and by what the caller may read.
 */
public final class SearchCatalogTool extends MeshTool {
    public static final String NAME = "search_catalog";
    private static final int DEFAULT_LIMIT = 10;
    private static final int MAX_LIMIT = 25;

    private final MeshView mesh;

    public SearchCatalogTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Searches the data mesh catalog: data products, contracts, runbooks and incidents, by keywords "
                                + "or by meaning (hybrid BM25 + embedding search). Filter by kind and domain. Returns "
                                + "ids with titles and snippets; fetch details with get_data_product, get_contract, "
                                + "search_runbooks or get_incident.",
                        Schema.input()
                                .required("query", Schema.string(1, 500, "What to look for, in words."))
                                .optional(
                                        "types",
                                        Schema.array(
                                                Schema.oneOf(
                                                        "A kind.",
                                                        Arrays.stream(DocType.values())
                                                                .map(DocType::wireName)
                                                                .toList()),
                                                "Only these kinds (default all)."))
                                .optional("domains", Schema.strings("Only these domains (default all)."))
                                .optional(
                                        "limit",
                                        Schema.integer(1, MAX_LIMIT, "How many hits (default " + DEFAULT_LIMIT + ")."))
                                .build())
                .outputSchema(OutputSchemas.of(CatalogHits.class))
                .scopes(Scope.CATALOG_READ)
                .build());
        this.mesh = mesh;
    }

    /** Checked per hit: the gate only requires catalog:read somewhere. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        String query = Args.required(args, "query");
        if (query.isBlank()) {
            return ToolOutput.error(
                    "'query' is blank; say what to look for, e.g. 'daily revenue' or 'refund duplicates'");
        }
        Set<DocType> types = new LinkedHashSet<>();
        Args.strings(args, "types").forEach(t -> types.add(DocType.parse(t)));
        Set<String> domains = new LinkedHashSet<>(Args.strings(args, "domains"));
        int limit = Args.integer(args, "limit", DEFAULT_LIMIT);
        List<SearchHit> hits =
                mesh.search().search(new SearchQuery(query, types, domains, limit * 4, SearchMode.HYBRID)).stream()
                        .filter(h -> Visibility.visible(context.principal(), h, productOf(h)))
                        .limit(limit)
                        .toList();
        if (hits.isEmpty()) {
            return ToolOutput.noData("nothing matches '" + query + "'"
                    + (types.isEmpty() && domains.isEmpty()
                            ? ""
                            : " with those filters; try without types or domains"));
        }
        return Results.ok(new CatalogHits(
                query,
                hits.stream()
                        .map(h -> new CatalogHits.Hit(
                                h.id(),
                                h.type().wireName(),
                                h.domain(),
                                h.title(),
                                h.snippet(),
                                Math.round(h.score() * 10000) / 10000.0))
                        .toList()));
    }

    /** The product a hit belongs to, for the access check; null for runbooks. */
    private String productOf(SearchHit h) {
        return switch (h.type()) {
            case PRODUCT -> h.id();
            case CONTRACT -> mesh.contractOwner(h.id()).orElse(null);
            case INCIDENT ->
                mesh.incidents().get(h.id()).map(i -> i.productId()).orElse(null);
            case RUNBOOK -> null;
        };
    }
}
