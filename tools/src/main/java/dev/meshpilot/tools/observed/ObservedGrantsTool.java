package dev.meshpilot.tools.observed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.observed.ObservedGrant;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductTool;
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
                        .outputSchema(Schema.paged(Schema.output()
                                        .required(
                                                "grants",
                                                Schema.array(
                                                        Schema.output()
                                                                .required(
                                                                        "principal",
                                                                        Schema.string(
                                                                                "Grantee as the warehouse names it."))
                                                                .required("product", Schema.string("Product id."))
                                                                .required(
                                                                        "privilege",
                                                                        Schema.string(
                                                                                "SELECT, INSERT, UPDATE, DELETE or ALL."))
                                                                .required(
                                                                        "columns",
                                                                        Schema.strings(
                                                                                "Columns the grant is limited to; empty = all."))
                                                                .required(
                                                                        "grantedAt",
                                                                        Schema.nullableString(
                                                                                "When it was granted, if known."))
                                                                .build(),
                                                        "Observed grants.")))
                                .build())
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
        ObjectNode data = object();
        ArrayNode out = data.putArray("grants");
        for (ObservedGrant g : shown) {
            ObjectNode n = out.addObject();
            n.put("principal", g.principal());
            n.put("product", g.productId());
            n.put("privilege", g.privilege());
            ArrayNode cols = n.putArray("columns");
            g.columns().forEach(cols::add);
            n.put("grantedAt", time(g.grantedAt()));
        }
        page.describe(data, all.size(), shown.size());
        return ToolOutput.ok(data);
    }
}
