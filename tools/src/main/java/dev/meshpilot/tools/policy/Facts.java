package dev.meshpilot.tools.policy;

import dev.meshpilot.mesh.lineage.LineageGraph.Direction;
import dev.meshpilot.mesh.observed.ObservedGrant;
import dev.meshpilot.mesh.policy.CelRule;
import dev.meshpilot.mesh.view.Owner;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.catalog.GetContractTool;
import dev.meshpilot.tools.lineage.ColumnHop;
import dev.meshpilot.tools.lineage.LineageTool;
import dev.meshpilot.tools.observed.ObservedSchemaTool;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import dev.meshpilot.tools.support.ProductRefs;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks read about products, straight from the store the single-product tools read (and shaped as
 * they shape it: {@code get_contract}, {@code observed_schema}, {@code lineage_downstream}), each read at most
 * once per call, and only where the caller holds the scope the single-product tool would need.
 */
final class Facts {
    /** Whether a product has runs, and when it last succeeded. */
    record Runs(boolean any, Instant lastSuccess) {}

    private final MeshView mesh;
    private final Principal principal;
    private final Map<String, ProductView> products;
    private final Map<String, List<ObservedGrant>> grants;
    private final Instant asOf;
    private final Map<String, Optional<ContractView>> contracts = new HashMap<>();
    private final Map<String, Optional<ObservedSchemaView>> schemas = new HashMap<>();
    private final Map<String, Map<String, ContractView.Property>> columns = new HashMap<>();
    private final Map<String, CelRule.Result> cel = new HashMap<>();

    Facts(MeshView mesh, Principal principal, Map<String, ProductView> products, Instant asOf) {
        this.mesh = mesh;
        this.principal = principal;
        this.products = products;
        this.asOf = asOf;
        Map<String, List<ObservedGrant>> byProduct = new HashMap<>();
        for (ObservedGrant g : mesh.observations().grants(null)) {
            byProduct
                    .computeIfAbsent(g.productId(), k -> new java.util.ArrayList<>())
                    .add(g);
        }
        this.grants = byProduct;
    }

    Instant asOf() {
        return asOf;
    }

    /** Whether the caller holds {@code scope} on the product (as the single-product tool would require). */
    boolean may(Scope scope, String productId) {
        return AccessPolicy.check(principal, scope, ProductRefs.resource(productId))
                .allowed();
    }

    Optional<ProductView> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    Owner owner(String productId) {
        ProductView p = products.get(productId);
        return p == null ? null : p.owner();
    }

    List<ObservedGrant> grants(String productId) {
        return grants.getOrDefault(productId, List.of());
    }

    /** The product's current contract; read once, also for products outside the page (lineage). */
    Optional<ContractView> contract(String productId) {
        return contracts.computeIfAbsent(productId, id -> GetContractTool.current(mesh, id));
    }

    /** Every column of the product's current contract (all objects), by name; empty without a contract. */
    Map<String, ContractView.Property> columns(String productId) {
        return columns.computeIfAbsent(productId, id -> {
            Map<String, ContractView.Property> out = new LinkedHashMap<>();
            contract(id)
                    .ifPresent(c ->
                            c.objects().forEach(o -> o.properties().forEach(p -> out.putIfAbsent(p.name(), p))));
            return out;
        });
    }

    Optional<ObservedSchemaView> schema(String productId) {
        return schemas.computeIfAbsent(productId, id -> ObservedSchemaTool.read(mesh, id, false));
    }

    Runs runs(String productId) {
        if (mesh.activity().runs(productId, null, null, 0, 1).isEmpty()) {
            return new Runs(false, null);
        }
        var last = mesh.activity().runs(productId, "COMPLETED", null, 0, 1);
        return new Runs(true, last.isEmpty() ? null : last.getFirst().endedAt());
    }

    /** Column-level lineage downstream of one column, three hops deep. */
    List<ColumnHop> downstreamColumns(String productId, String column) {
        return LineageTool.columns(mesh, productId, column, Direction.DOWNSTREAM, 3);
    }

    /** A custom rule's expression, compiled once per call (it was type-checked when the workspace loaded). */
    CelRule.Result cel(String expression) {
        return cel.computeIfAbsent(expression, CelRule::compile);
    }

    /** Contract source text for a finding's {@code sources}. */
    static String source(ContractView c) {
        return "contract " + c.id() + " " + c.version();
    }

    static String source(ObservedSchemaView s) {
        return "observed schema of " + s.product() + (s.observedAt() == null ? "" : " at " + s.observedAt());
    }
}
