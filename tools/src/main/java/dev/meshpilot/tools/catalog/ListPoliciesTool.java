package dev.meshpilot.tools.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.product.DataProduct;
import dev.meshpilot.mesh.store.Json;
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
                                "Lists the mesh's governance policies (access, retention, freshness, ownership, schema) "
                                        + "with severity, what they apply to and their rule. Filter by kind, or by a product "
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
                        .outputSchema(Schema.paged(Schema.output()
                                        .required(
                                                "policies",
                                                Schema.array(
                                                        Schema.output()
                                                                .required("id", Schema.string("Policy id."))
                                                                .required("kind", Schema.string("Policy kind."))
                                                                .required(
                                                                        "severity",
                                                                        Schema.string("Severity of a violation."))
                                                                .required(
                                                                        "description",
                                                                        Schema.text("What the policy requires."))
                                                                .required(
                                                                        "appliesTo",
                                                                        Schema.any(
                                                                                "{all, domains, products, classifications}."))
                                                                .required(
                                                                        "rule",
                                                                        Schema.any("The kind's rule, as declared."))
                                                                .build(),
                                                        "Matching policies.")))
                                .build())
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
        ObjectNode data = object();
        ArrayNode out = data.putArray("policies");
        for (Policy p : shown) {
            ObjectNode n = out.addObject();
            n.put("id", p.id());
            n.put("kind", p.kind());
            n.put("severity", p.severity());
            n.put("description", p.description());
            ObjectNode applies = n.putObject("appliesTo");
            applies.put("all", p.all());
            p.domains().forEach(applies.putArray("domains")::add);
            p.products().forEach(applies.putArray("products")::add);
            p.classifications().forEach(applies.putArray("classifications")::add);
            n.set("rule", p.ruleJson() == null ? null : Json.read(p.ruleJson(), JsonNode.class));
        }
        page.describe(data, matching.size(), shown.size());
        return ToolOutput.ok(data, List.of(), List.of("/policies/*/description"));
    }
}
