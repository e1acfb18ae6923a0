package dev.meshpilot.agents.drift;

import static dev.meshpilot.agents.kit.DataChecks.args;

import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.activity.RecentRuns;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.observed.ObservedGrants;
import dev.meshpilot.tools.observed.ObservedSchemaView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the playbook read about the products in scope, each read once through the gate and remembered with its
 * evidence id: contracts, observed schemas and retention, latest runs; products and grants come in whole.
 */
final class Facts {
    /** A value and the evidence id it was read from. */
    record Cited<T>(T value, String evidence) {}

    private final ToolBox tools;
    private final Map<String, ProductView> products;
    private final String productsEvidence;
    private final Instant asOf;
    private final List<ObservedGrants.Grant> grants;
    private final String grantsEvidence;
    private final Map<String, Optional<Cited<ContractView>>> contracts = new HashMap<>();
    private final Map<String, Optional<Cited<ObservedSchemaView>>> schemas = new HashMap<>();
    private final Map<String, Optional<Cited<RecentRuns>>> runs = new HashMap<>();

    Facts(
            ToolBox tools,
            Map<String, ProductView> products,
            String productsEvidence,
            Instant asOf,
            List<ObservedGrants.Grant> grants,
            String grantsEvidence) {
        this.tools = tools;
        this.products = products;
        this.productsEvidence = productsEvidence;
        this.asOf = asOf;
        this.grants = grants;
        this.grantsEvidence = grantsEvidence;
    }

    Instant asOf() {
        return asOf;
    }

    Optional<ProductView> product(String id) {
        return Optional.ofNullable(products.get(id));
    }

    String productsEvidence() {
        return productsEvidence;
    }

    Owner owner(String productId) {
        ProductView p = products.get(productId);
        return p == null ? null : Owner.of(p.owner(), productsEvidence);
    }

    List<ObservedGrants.Grant> grants(String productId) {
        return grants.stream().filter(g -> g.product().equals(productId)).toList();
    }

    String grantsEvidence() {
        return grantsEvidence;
    }

    /** The product's current contract; read once, also for products outside the scope (lineage). */
    Optional<Cited<ContractView>> contract(String productId) {
        return contracts.computeIfAbsent(
                productId,
                id -> tools.data("get_contract", args("product", id))
                        .map(e -> new Cited<>(e.as(ContractView.class), e.id())));
    }

    Optional<Cited<ObservedSchemaView>> schema(String productId) {
        return schemas.computeIfAbsent(
                productId,
                id -> tools.data("observed_schema", args("product", id))
                        .map(e -> new Cited<>(e.as(ObservedSchemaView.class), e.id())));
    }

    Optional<Cited<RecentRuns>> runs(String productId) {
        return runs.computeIfAbsent(
                productId,
                id -> tools.data("recent_runs", args("product", id).put("limit", 1))
                        .map(e -> new Cited<>(e.as(RecentRuns.class), e.id())));
    }

    /** Column-level lineage downstream of one column. */
    Optional<Evidence> downstreamColumns(String productId, String column) {
        return tools.data(
                "lineage_downstream",
                args("product", productId).put("column", column).put("depth", 3));
    }

    /** Every column of a contract (all objects), by name. */
    static Map<String, ContractView.Property> columns(ContractView c) {
        Map<String, ContractView.Property> out = new java.util.LinkedHashMap<>();
        c.objects().forEach(o -> o.properties().forEach(p -> out.putIfAbsent(p.name(), p)));
        return out;
    }
}
