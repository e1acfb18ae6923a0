package dev.meshpilot.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.runbook.Runbook;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code search_runbooks}: the runbooks to follow, with their full text. Runbooks that declare the product
 * or the error class come first (matched by declaration), then those the search finds for the query (matched
 * by text); each says why it was chosen.
 */
public final class SearchRunbooksTool extends MeshTool {
    public static final String NAME = "search_runbooks";
    private static final int DEFAULT_LIMIT = 3;
    private static final int MAX_LIMIT = 10;

    private final MeshView mesh;

    public SearchRunbooksTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Finds runbooks (operational procedures) and returns their full text: those written for a "
                                + "product or an error class first (schema_mismatch, upstream_late, duplicate_keys, "
                                + "null_explosion, infrastructure, permissions, unknown), then those matching a free "
                                + "text query. Give at least one of query, product, errorClass.",
                        Schema.input()
                                .optional("query", Schema.string(1, 500, "What the problem looks like, in words."))
                                .optional("product", Schema.productId("The affected product."))
                                .optional("errorClass", Schema.oneOf("The class of failure.", Runbook.ERROR_CLASSES))
                                .optional(
                                        "limit",
                                        Schema.integer(
                                                1, MAX_LIMIT, "How many runbooks (default " + DEFAULT_LIMIT + ")."))
                                .build())
                .outputSchema(OutputSchemas.of(RunbookMatches.class))
                .scopes(Scope.CATALOG_READ)
                .build());
        this.mesh = mesh;
    }

    /** Runbooks are mesh-wide operational knowledge: catalog:read anywhere is enough. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Optional<String> query = Args.string(args, "query").filter(q -> !q.isBlank());
        Optional<String> product = Args.string(args, "product");
        Optional<String> errorClass = Args.string(args, "errorClass");
        if (query.isEmpty() && product.isEmpty() && errorClass.isEmpty()) {
            return ToolOutput.error("give at least one of 'query', 'product' or 'errorClass'");
        }
        int limit = Args.integer(args, "limit", DEFAULT_LIMIT);
        Map<String, List<String>> why = new LinkedHashMap<>();
        Map<String, Runbook> byId = new LinkedHashMap<>();
        List<Runbook> all = mesh.runbooks().list();
        // declared matches: both product and class first, then class, then product
        List<Runbook> declared = new ArrayList<>(all.stream()
                .filter(r -> (product.isPresent() && r.products().contains(product.get()))
                        || (errorClass.isPresent() && r.errorClasses().contains(errorClass.get())))
                .toList());
        declared.sort(java.util.Comparator.comparingInt((Runbook r) -> -score(r, product, errorClass))
                .thenComparingInt(r -> r.errorClasses().size()) // the more specific first
                .thenComparing(Runbook::id));
        for (Runbook r : declared) {
            byId.put(r.id(), r);
            List<String> reasons = why.computeIfAbsent(r.id(), k -> new ArrayList<>());
            if (product.isPresent() && r.products().contains(product.get())) {
                reasons.add("product");
            }
            if (errorClass.isPresent() && r.errorClasses().contains(errorClass.get())) {
                reasons.add("errorClass");
            }
        }
        if (query.isPresent()) {
            for (SearchHit h : mesh.search()
                    .search(new SearchQuery(
                            query.get(), Set.of(DocType.RUNBOOK), Set.of(), limit * 2, SearchMode.HYBRID))) {
                all.stream().filter(r -> r.id().equals(h.id())).findFirst().ifPresent(r -> {
                    byId.putIfAbsent(r.id(), r);
                    why.computeIfAbsent(r.id(), k -> new ArrayList<>()).add("text");
                });
            }
        }
        if (byId.isEmpty()) {
            return ToolOutput.noData("no runbook is written for "
                    + String.join(
                            " or ",
                            List.of(product.orElse(""), errorClass.orElse("")).stream()
                                    .filter(s -> !s.isEmpty())
                                    .toList())
                    + (query.isPresent() ? " or matches the query" : "") + "; try a broader query");
        }
        List<RunbookMatches.Match> out = byId.values().stream()
                .limit(limit)
                .map(r -> new RunbookMatches.Match(
                        r.id(), r.title(), List.copyOf(why.get(r.id())), r.errorClasses(), r.products(), r.body()))
                .toList();
        return Results.ok(new RunbookMatches(out));
    }

    private static int score(Runbook r, Optional<String> product, Optional<String> errorClass) {
        int s = 0;
        if (errorClass.isPresent() && r.errorClasses().contains(errorClass.get())) {
            s += 2;
        }
        if (product.isPresent() && r.products().contains(product.get())) {
            s += 1;
        }
        return s;
    }
}
