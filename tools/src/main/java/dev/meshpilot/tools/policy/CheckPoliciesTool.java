package dev.meshpilot.tools.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.store.Json;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.catalog.ListPoliciesTool;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.MeshTool;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.Page;
import dev.meshpilot.tools.support.ProductRefs;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code check_policies}: applies the governance policies to a page of the products in a scope (the mesh, a
 * domain or one product) where the data lives, and returns only what departs from them — so a sweep over
 * thousands of products is a handful of audited calls, not several per product. Each finding says what was
 * read to judge it. A page ends after {@code limit} products, or earlier once its findings reach
 * {@link #MAX_FINDINGS} or about {@link #MAX_BYTES} of JSON (so the gate's default caps never cut one), or after
 * {@link #PAGE_NANOS} of work (so the gate's timeout never discards one); the next page starts at
 * {@code nextCursor}.
 *
 * <p>Needs policies:read on the scope; each rule is applied to a product only where the caller holds what the
 * single-product tools would need for it (grants:read for access rules, runs:read for freshness, ...), and a
 * rule skipped for want of a scope is counted in {@code notes}.
 */
public final class CheckPoliciesTool extends MeshTool {
    public static final String NAME = "check_policies";
    static final int MAX_FINDINGS = 150;
    static final int MAX_BYTES = 48 * 1024;
    /** A page ends after this much work, well inside the gate's default 10 s timeout. */
    static final long PAGE_NANOS = 2_500_000_000L;

    private static final int DEFAULT_LIMIT = 2000;
    private static final int MAX_LIMIT = 10_000;

    private final MeshView mesh;

    public CheckPoliciesTool(MeshView mesh) {
        super(ToolDeclaration.builder(
                        NAME,
                        "Checks the governance policies (access vs classification, classification along lineage, "
                                + "schema vs contract, retention, freshness, ownership, contract required, custom "
                                + "CEL rules) against the observed state of a page of products in a scope (the mesh, "
                                + "a domain or a product), and returns only the findings: policy, product, subject, "
                                + "level, declared vs observed, what was read, owner and a draft fix. Page with "
                                + "cursor until nextCursor is null to cover the whole scope.",
                        Page.arguments(
                                        Schema.input()
                                                .optional(
                                                        "domain", Schema.string(1, 100, "Only this domain's products."))
                                                .optional("product", Schema.productId("Only this product."))
                                                .optional(
                                                        "policy",
                                                        Schema.string(1, 200, "Only this policy (default all).")),
                                        DEFAULT_LIMIT,
                                        MAX_LIMIT)
                                .build())
                .outputSchema(OutputSchemas.of(PolicyCheck.class))
                .scopes(Scope.POLICIES_READ)
                .build());
        this.mesh = mesh;
    }

    @Override
    public List<Resource> resources(JsonNode args) {
        Optional<String> product = Args.string(args, "product");
        if (product.isPresent()) {
            return List.of(ProductRefs.resource(product.get()));
        }
        return List.of(Args.string(args, "domain").map(Resource::domain).orElse(Resource.MESH));
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args) {
        Page page = Page.of(args, NAME, DEFAULT_LIMIT, MAX_LIMIT);
        Optional<String> product = Args.string(args, "product");
        Optional<String> domain = Args.string(args, "domain");
        Optional<String> only = Args.string(args, "policy");
        if (product.isPresent() && !mesh.productViews().exists(product.get())) {
            return ToolOutput.error(
                    ProductRefs.unknown(product.get(), mesh.products().list()));
        }
        if (domain.isPresent() && mesh.products().domain(domain.get()).isEmpty()) {
            List<String> domains = mesh.productViews().list().stream()
                    .map(p -> p.domain().id())
                    .distinct()
                    .sorted()
                    .toList();
            return ToolOutput.error("no domain '" + domain.get() + "' in the mesh; domains: "
                    + String.join(", ", domains) + " (or leave domain out to check the whole mesh)");
        }
        List<Policy> policies = mesh.policies().list().stream()
                .filter(p -> only.isEmpty() || p.id().equals(only.get()))
                .toList();
        if (only.isPresent() && policies.isEmpty()) {
            return ToolOutput.error("no policy '" + only.get() + "'; list_policies shows them");
        }
        Notes notes = new Notes();
        List<Rule> rules = new ArrayList<>();
        for (Policy p : policies) {
            if (Checks.KINDS.contains(p.kind())) {
                rules.add(new Rule(ListPoliciesTool.view(p)));
            } else {
                notes.add("policy " + p.id() + " has kind " + p.kind() + ", which check_policies does not check");
            }
        }
        List<ProductView> all = mesh.productViews().list().stream()
                .filter(p -> product.map(p.id()::equals).orElse(true))
                .filter(p -> domain.map(p.domain().id()::equals).orElse(true))
                .filter(p -> AccessPolicy.check(context.principal(), Scope.CATALOG_READ, ProductRefs.resource(p.id()))
                        .allowed())
                .sorted(Comparator.comparing(ProductView::id))
                .toList();
        Map<String, ProductView> byId = new HashMap<>();
        mesh.productViews().list().forEach(p -> byId.put(p.id(), p));
        Facts facts = new Facts(mesh, context.principal(), byId, mesh.asOf());
        List<ProductView> slice = page.slice(all);
        List<PolicyFinding> findings = new ArrayList<>();
        Set<String> judged = new LinkedHashSet<>();
        List<PolicyCheck.Exception> exceptions = new ArrayList<>();
        long bytes = 0;
        long stop = System.nanoTime() + PAGE_NANOS;
        for (ProductView p : slice) {
            if (findings.size() + exceptions.size() >= MAX_FINDINGS
                    || bytes >= MAX_BYTES
                    || System.nanoTime() > stop
                    || context.cancelled().getAsBoolean()) {
                break;
            }
            for (Rule rule : rules) {
                if (rule.appliesTo(p.id(), p.domain().id())) {
                    for (PolicyFinding f : Checks.apply(rule, p, facts, notes)) {
                        findings.add(f);
                        bytes += Json.write(f).getBytes(StandardCharsets.UTF_8).length;
                    }
                }
            }
            for (Rule rule : rules) {
                rule.view().exceptions().stream()
                        .filter(e -> e.product().equals(p.id()))
                        .forEach(e -> exceptions.add(new PolicyCheck.Exception(
                                rule.id(), e.product(), e.subject(), e.owner(), e.reason(), e.expires())));
            }
            judged.add(p.id());
        }
        if (judged.isEmpty() && !slice.isEmpty()) {
            return ToolOutput.error("the gate's timeout ran out before the first product was checked");
        }
        List<String> ids = List.copyOf(judged);
        String next = page.next(all.size(), ids.size());
        return Results.ok(new PolicyCheck(
                mesh.asOf(),
                rules.stream().map(Rule::id).toList(),
                all.size(),
                ids.size(),
                ids.isEmpty() ? null : ids.getFirst(),
                ids.isEmpty() ? null : ids.getLast(),
                findings,
                exceptions,
                notes.list(),
                notes.skipped(),
                next));
    }
}
