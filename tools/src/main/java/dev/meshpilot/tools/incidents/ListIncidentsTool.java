package dev.meshpilot.tools.incidents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.view.IncidentView;
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
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code list_incidents}: the incidents of a product, or of the whole mesh, open or resolved, newest first — to
 * link an anomaly to an open incident or to see that a resolved one explains it. Incidents the caller may not
 * read are left out.
 */
public final class ListIncidentsTool extends MeshTool {
    public static final String NAME = "list_incidents";
    static final List<String> STATUSES = List.of("open", "resolved", "all");
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    private final MeshView mesh;

    public ListIncidentsTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Lists incidents, newest opened first, of one product or of the whole mesh: open, resolved or "
                                + "all, optionally only those open at or after an instant (resolved after it or still "
                                + "open). Returns each incident as get_incident does.",
                        Page.arguments(
                                        Schema.input()
                                                .optional("product", Schema.productId("Only this product's incidents."))
                                                .optional(
                                                        "status",
                                                        Schema.oneOf("open, resolved or all (default all).", STATUSES))
                                                .optional(
                                                        "since",
                                                        Schema.string(
                                                                1,
                                                                40,
                                                                "Only incidents still open at or after this ISO-8601 instant.")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(IncidentList.class))
                .scopes(Scope.INCIDENTS_READ)
                .build());
        this.mesh = mesh;
    }

    /** Checked per incident. */
    @Override
    public List<Resource> resources(JsonNode args) {
        return List.of();
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> product = Args.string(args, "product");
        String status = Args.string(args, "status").orElse("all");
        Instant since = Args.instant(args, "since").orElse(null);
        List<Incident> all = mesh.incidents().list("open".equals(status)).stream()
                .filter(i -> product.isEmpty() || product.get().equals(i.productId()))
                .filter(i -> !"resolved".equals(status) || !i.isOpen())
                .filter(i -> since == null
                        || i.isOpen()
                        || i.resolvedAt() == null
                        || !i.resolvedAt().isBefore(since))
                .filter(i -> AccessPolicy.check(
                                context.principal(),
                                Scope.INCIDENTS_READ,
                                i.productId() == null ? Resource.MESH : ProductRefs.resource(i.productId()))
                        .allowed())
                .sorted(Comparator.comparing(Incident::openedAt).reversed())
                .toList();
        List<IncidentView> items =
                page.slice(all).stream().map(IncidentView::of).toList();
        return Results.ok(new IncidentList(items, all.size(), items.size(), page.next(all.size(), items.size())));
    }
}
