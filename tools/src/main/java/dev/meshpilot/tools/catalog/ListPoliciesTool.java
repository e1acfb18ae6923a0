package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.store.Json;
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
 * {@code list_policies}: the mesh's governance policies, optionally only those of one kind or those that
 * apply to one product (by product, by its domain, or to every product).
 */
public final class ListPoliciesTool extends ProductTool {
    public static final String NAME = "list_policies";
    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    public ListPoliciesTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Lists the mesh's governance policies (access, retention, freshness, ownership, schema, contract, "
                                        + "lineage, custom CEL rules, contract-change) "
                                        + "with severity, what they apply to, their rule and accepted exceptions. Filter by kind, or by a product "
                                        + "to get only the policies that apply to it.",
                                Page.arguments(
                                                Schema.input()
                                                        .optional(
                                                                "kind",
                                                                Schema.oneOf(
                                                                        "Only policies of this kind.", Policy.KINDS))
                                                        .optional(
                                                                "product",
                                                                Schema.productId(
                                                                        "Only policies that apply to this product.")),
                                                DEFAULT_LIMIT,
                                                MAX_LIMIT)
                                        .build())
                        .outputSchema(OutputSchemas.of(PolicyList.class))
                        .scopes(Scope.POLICIES_READ)
                        .build(),
                mesh,
                "product",
                true);
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String productOrNull) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> kind = Args.string(args, "kind");
        DataProduct target = productOrNull == null
                ? null
                : mesh.products().get(productOrNull).orElseThrow();
        List<Policy> matching = mesh.policies().list().stream()
                .filter(p -> kind.isEmpty() || p.kind().equals(kind.get()))
                .filter(p -> target == null
                        || p.all()
                        || p.products().contains(target.id())
                        || p.domains().contains(target.domain()))
                .toList();
        List<Policy> shown = page.slice(matching);
        List<PolicyList.PolicyView> out =
                shown.stream().map(ListPoliciesTool::view).toList();
        return Results.ok(new PolicyList(out, matching.size(), out.size(), page.next(matching.size(), out.size())));
    }

    /** A policy as this tool shows it. */
    public static PolicyList.PolicyView view(Policy p) {
        return new PolicyList.PolicyView(
                p.id(),
                p.kind(),
                p.severity(),
                p.description(),
                new PolicyList.AppliesTo(
                        p.all(), List.copyOf(p.domains()), List.copyOf(p.products()), List.copyOf(p.classifications())),
                p.ruleJson() == null ? null : Json.read(p.ruleJson(), JsonNode.class),
                p.exceptions().stream()
                        .map(e -> new PolicyList.ExceptionView(
                                e.asset(),
                                e.subject(),
                                e.owner(),
                                e.reason(),
                                e.expires().toString()))
                        .toList());
    }
}
