package dev.meshpilot.agents.migration;

import static dev.meshpilot.agents.kit.DataChecks.args;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.agents.kit.Owner;
import dev.meshpilot.agents.runtime.Evidence;
import dev.meshpilot.agents.runtime.ToolBox;
import dev.meshpilot.mesh.migration.Change;
import dev.meshpilot.mesh.migration.Diff;
import dev.meshpilot.mesh.migration.ScratchVerifier;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.lineage.ImpactView;
import dev.meshpilot.tools.observed.ObservedGrants;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a contract change reaches: for each changed column of the old contract, the consumer products whose
 * columns read it (column lineage, through {@code impact}), and the observed grants that read it.
 */
final class Impacts {
    /** At most this many changed columns are traced, to stay within the tool budget. */
    static final int MAX_COLUMNS = 20;

    /** At most this many consumers' contracts are read for their derivations. */
    static final int MAX_CONSUMER_CONTRACTS = 10;

    private static final Set<String> NOT_AFFECTING = Set.of("property-added", "description-changed");

    private final ToolBox tools;
    private final String product;
    private final Diff diff;
    final Map<String, Reader> consumers = new LinkedHashMap<>();
    final List<MigrationReport.GrantImpact> grants = new ArrayList<>();
    final Set<String> changedColumns = new LinkedHashSet<>();

    /** A consumer product being assembled: the old columns it reads and its own columns that read them. */
    static final class Reader {
        final Set<String> reads = new LinkedHashSet<>();
        final Set<String> columns = new LinkedHashSet<>();
        final Set<String> evidence = new LinkedHashSet<>();
        final List<ScratchVerifier.Derivation> derivations = new ArrayList<>();
        Owner owner;
    }

    Impacts(ToolBox tools, String product, Diff diff) {
        this.tools = tools;
        this.product = product;
        this.diff = diff;
    }

    Impacts collect() {
        for (Change c : diff.changes()) {
            if (c.property() != null && !NOT_AFFECTING.contains(c.rule())) {
                changedColumns.add(c.rule().equals("property-renamed") ? c.oldValue() : c.property());
            }
        }
        if (product == null || changedColumns.isEmpty()) {
            return this;
        }
        for (String column : changedColumns.stream().limit(MAX_COLUMNS).toList()) {
            Optional<Evidence> e = tools.data(
                    "impact", args("product", product).put("column", column).put("limit", 50));
            if (e.isEmpty()) {
                continue;
            }
            ImpactView view = e.get().as(ImpactView.class);
            for (ImpactView.Consumer c : view.consumers()) {
                if (c.depth() != 1 && (c.columns() == null || c.columns().isEmpty())) {
                    continue;
                }
                Reader r = consumers.computeIfAbsent(c.product(), k -> new Reader());
                r.reads.add(column);
                if (c.columns() != null) {
                    r.columns.addAll(c.columns());
                }
                r.evidence.add(e.get().id());
                if (r.owner == null) {
                    r.owner = Owner.of(c.owner(), e.get().id());
                }
            }
        }
        tools.data("observed_grants", args("product", product).put("limit", 100))
                .ifPresent(this::grants);
        consumers.entrySet().stream().limit(MAX_CONSUMER_CONTRACTS).forEach(e -> derivations(e.getKey(), e.getValue()));
        return this;
    }

    /** The consumer's own contract: how its columns that read the changed ones are computed (transformLogic). */
    private void derivations(String consumer, Reader r) {
        Optional<Evidence> e =
                tools.data("get_contract", args("product", consumer).put("document", true));
        if (e.isEmpty()) {
            return;
        }
        JsonNode doc = e.get().as(ContractView.class).document();
        if (doc == null) {
            return;
        }
        Set<String> objects = new LinkedHashSet<>();
        diff.changes().stream().filter(c -> c.object() != null).forEach(c -> objects.add(c.object()));
        for (JsonNode o : doc.path("schema")) {
            for (JsonNode p : o.path("properties")) {
                String name = text(p.get("name"));
                String logic = text(p.get("transformLogic"));
                if (name == null || logic == null || !r.columns.contains(name)) {
                    continue;
                }
                for (JsonNode source : p.path("transformSourceObjects")) {
                    if (objects.contains(source.asText())) {
                        r.derivations.add(new ScratchVerifier.Derivation(name, source.asText(), logic));
                        r.evidence.add(e.get().id());
                    }
                }
            }
        }
    }

    /** A value as text, also when the gate fenced it ({@code {"untrusted": true, "text": ...}}). */
    private static String text(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isObject() ? v.path("text").asText(null) : v.asText();
    }

    private void grants(Evidence e) {
        for (ObservedGrants.Grant g : e.as(ObservedGrants.class).grants()) {
            if (!"SELECT".equalsIgnoreCase(g.privilege()) && !"ALL".equalsIgnoreCase(g.privilege())) {
                continue;
            }
            List<String> hit = g.columns().isEmpty()
                    ? List.copyOf(changedColumns)
                    : g.columns().stream().filter(changedColumns::contains).toList();
            if (!hit.isEmpty()) {
                grants.add(new MigrationReport.GrantImpact(g.principal(), hit, List.of(e.id())));
            }
        }
    }
}
