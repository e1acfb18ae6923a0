package dev.meshpilot.tools.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchHit;
import dev.meshpilot.mesh.search.SearchMode;
import dev.meshpilot.mesh.search.SearchQuery;
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
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code similar_incidents}: past incidents like a given one (or like a description), with how they were
 * resolved. Candidates come from the hybrid search over incident text; the same product and the same error
 * class each raise a candidate's score, so a recurrence ranks above a look-alike elsewhere. The incident
 * itself and incidents the caller may not read are left out.
 */
public final class SimilarIncidentsTool extends MeshTool {
    public static final String NAME = "similar_incidents";
    private static final int DEFAULT_LIMIT = 5;
    private static final int MAX_LIMIT = 20;
    static final double SAME_PRODUCT = 0.02;
    static final double SAME_CLASS = 0.02;

    private final MeshView mesh;

    public SimilarIncidentsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Finds past incidents similar to an incident (by id) or to a description, with their root cause "
                                + "and resolution, resolved ones first when equally similar. Use it to learn how a "
                                + "recurring problem was fixed before.",
                        Schema.input()
                                .optional("incident", Schema.string(1, 100, "An incident id, e.g. INC-1001."))
                                .optional(
                                        "text",
                                        Schema.string(
                                                1,
                                                2000,
                                                "A description of the problem (added to the incident's own text when both are given)."))
                                .optional("product", Schema.productId("Prefer incidents of this product."))
                                .optional("errorClass", Schema.string(1, 50, "Prefer incidents of this error class."))
                                .optional(
                                        "limit",
                                        Schema.integer(1, MAX_LIMIT, "How many (default " + DEFAULT_LIMIT + ")."))
                                .build())
                .outputSchema(OutputSchemas.of(SimilarIncidents.class))
                .scopes(Scope.INCIDENTS_READ)
                .build());
        this.mesh = mesh;
    }

    /** Checked per incident. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    private record Candidate(Incident incident, double score, boolean sameProduct, boolean sameClass) {}

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Optional<String> id = Args.string(args, "incident");
        Optional<Incident> given = id.flatMap(i -> mesh.incidents().get(i));
        if (id.isPresent() && (given.isEmpty() || !readable(context, given.get()))) {
            return ToolOutput.error("no incident '" + id.get()
                    + "' you may read; search_catalog with types [incident] finds incidents");
        }
        String own = given.map(
                        i -> String.join(" ", nonNull(i.title()), nonNull(i.description()), nonNull(i.errorClass())))
                .orElse("");
        String text = clip((own + " " + Args.string(args, "text").orElse("")).strip(), MAX_QUERY_CHARS);
        if (text.isBlank()) {
            return ToolOutput.error("give 'incident' (an id) or 'text' (a description of the problem)");
        }
        String product = Args.string(args, "product")
                .orElse(given.map(Incident::productId).orElse(null));
        String errorClass = Args.string(args, "errorClass")
                .orElse(given.map(Incident::errorClass).orElse(null));
        int limit = Args.integer(args, "limit", DEFAULT_LIMIT);
        List<Candidate> candidates = new ArrayList<>();
        SearchQuery query = new SearchQuery(text, Set.of(DocType.INCIDENT), Set.of(), 50, SearchMode.HYBRID);
        // an indexed incident's own vector stands for its meaning: its text need not be embedded again
        Optional<float[]> indexed = given.flatMap(g -> mesh.search().vectorOf(DocType.INCIDENT, g.id()));
        List<SearchHit> hits = indexed.isPresent()
                ? mesh.search().search(query, indexed.get())
                : mesh.search().search(query);
        java.util.Map<String, Incident> byId =
                mesh.incidents().get(hits.stream().map(SearchHit::id).toList());
        for (SearchHit h : hits) {
            if (given.isPresent() && h.id().equals(given.get().id())) {
                continue;
            }
            Optional<Incident> found = Optional.ofNullable(byId.get(h.id()));
            if (found.isEmpty() || !readable(context, found.get())) {
                continue;
            }
            Incident i = found.get();
            boolean sameProduct = product != null && product.equals(i.productId());
            boolean sameClass = errorClass != null
                    && !ErrorClass.UNKNOWN.wireName().equals(errorClass)
                    && errorClass.equals(i.errorClass());
            double score = h.score() + (sameProduct ? SAME_PRODUCT : 0) + (sameClass ? SAME_CLASS : 0);
            candidates.add(new Candidate(i, score, sameProduct, sameClass));
        }
        candidates.sort(Comparator.comparingDouble((Candidate c) -> -c.score())
                .thenComparing(c -> c.incident().isOpen())
                .thenComparing(c -> c.incident().id()));
        if (candidates.isEmpty()) {
            return ToolOutput.noData("no similar incident found");
        }
        List<SimilarIncidents.Match> out = candidates.stream()
                .limit(limit)
                .map(c -> {
                    Incident i = c.incident();
                    return new SimilarIncidents.Match(
                            i.id(),
                            i.title(),
                            i.productId(),
                            i.status(),
                            i.errorClass(),
                            i.openedAt(),
                            i.rootCause(),
                            i.resolution(),
                            c.sameProduct(),
                            c.sameClass(),
                            Math.round(c.score() * 10000) / 10000.0);
                })
                .toList();
        return Results.ok(new SimilarIncidents(out));
    }

    /** Enough to find look-alikes; more only costs embedding time (the model reads 256 tokens at most). */
    static final int MAX_QUERY_CHARS = 600;

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static boolean readable(ToolContext context, Incident i) {
        Resource where = i.productId() == null ? Resource.MESH : ProductRefs.resource(i.productId());
        return AccessPolicy.check(context.principal(), Scope.INCIDENTS_READ, where)
                .allowed();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
