package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.observed.ObservedGrant;
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
import java.util.List;
import java.util.Optional;

/**
 * {@code observed_grants}: the privileges the warehouse actually grants on a product (or on every product),
 * as observed, for comparison with the access policies. Without a product it needs grants:read on the whole
 * mesh.
 */
public final class ObservedGrantsTool extends ProductTool {
    public static final String NAME = "observed_grants";
    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 200;

    public ObservedGrantsTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Lists the grants observed in the warehouse: which principal holds which privilege (SELECT, "
                                        + "INSERT, ...) on which product, on which columns (empty = all), since when. Give a "
                                        + "product to see only its grants, and a principal to narrow further.",
                                Page.arguments(
                                                Schema.input()
                                                        .optional(
                                                                "product",
                                                                Schema.productId("Only grants on this product."))
                                                        .optional(
                                                                "principal",
                                                                Schema.string(
                                                                        1, 200, "Only grants to this principal.")),
                                                DEFAULT_LIMIT,
                                                MAX_LIMIT)
                                        .build())
                        .outputSchema(OutputSchemas.of(ObservedGrants.class))
                        .scopes(Scope.GRANTS_READ)
                        .build(),
                mesh,
                "product",
                true);
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String productOrNull) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> product = Optional.ofNullable(productOrNull);
        Optional<String> principal = Args.string(args, "principal");
        List<ObservedGrant> all = mesh.observations().grants(product.orElse(null)).stream()
                .filter(g -> principal.isEmpty() || g.principal().equals(principal.get()))
                .toList();
        List<ObservedGrant> shown = page.slice(all);
        List<ObservedGrants.Grant> out = shown.stream()
                .map(g -> new ObservedGrants.Grant(
                        g.principal(), g.productId(), g.privilege(), List.copyOf(g.columns()), g.grantedAt()))
                .toList();
        return Results.ok(new ObservedGrants(out, all.size(), out.size(), page.next(all.size(), out.size())));
    }
}
