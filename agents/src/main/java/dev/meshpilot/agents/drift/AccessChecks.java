package dev.meshpilot.agents.drift;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.lineage.ColumnHop;
import dev.meshpilot.tools.lineage.LineageView;
import dev.meshpilot.tools.observed.ObservedGrants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classification against grants (table- and column-level), and classification along column lineage: a column
 * fed by a classified column carries the same classification.
 */
final class AccessChecks {
    private static final TypeReference<LineageView<ColumnHop>> COLUMNS = new TypeReference<>() {};

    private AccessChecks() {}

    /**
     * Each grant to a role outside {@code allowRoles} that reaches a column of the policy's classifications (a
     * table grant reaches them all); without classifications, any grant to such a role.
     */
    static List<DriftFinding> access(Rule rule, ProductView p, Facts facts) {
        List<String> classes = rule.view().appliesTo().classifications();
        List<String> allowed = rule.strings("allowRoles");
        List<String> sensitive = new ArrayList<>();
        String contractEvidence = null;
        if (!classes.isEmpty()) {
            var contract = facts.contract(p.id());
            if (contract.isEmpty()) {
                return List.of();
            }
            contractEvidence = contract.get().evidence();
            Facts.columns(contract.get().value()).values().stream()
                    .filter(c -> c.classification() != null && classes.contains(c.classification()))
                    .forEach(c -> sensitive.add(c.name()));
            if (sensitive.isEmpty()) {
                return List.of();
            }
        }
        List<DriftFinding> out = new ArrayList<>();
        for (ObservedGrants.Grant g : facts.grants(p.id())) {
            if (allowed.contains(g.principal())) {
                continue;
            }
            boolean table = g.columns().isEmpty();
            List<String> exposed = classes.isEmpty()
                    ? g.columns()
                    : table
                            ? sensitive
                            : g.columns().stream().filter(sensitive::contains).toList();
            if (!classes.isEmpty() && exposed.isEmpty()) {
                continue;
            }
            List<String> ev = contractEvidence == null
                    ? List.of(facts.grantsEvidence())
                    : List.of(facts.grantsEvidence(), contractEvidence);
            String what = classes.isEmpty() ? "" : " " + String.join("/", classes) + " columns";
            String observed = (table
                            ? g.privilege() + " on the whole table"
                            : g.privilege() + " on columns " + String.join(", ", g.columns()))
                    + (classes.isEmpty() ? "" : ", which reaches " + String.join(", ", exposed))
                    + (g.grantedAt() == null ? "" : " (granted " + g.grantedAt() + ")");
            out.add(DriftFinding.of(
                    rule,
                    p.id(),
                    g.principal(),
                    g.principal() + " can read" + what + " of " + p.id(),
                    "only " + String.join(", ", allowed) + " may read" + (what.isEmpty() ? " it" : what),
                    g.principal() + " holds " + observed,
                    ev,
                    facts.owner(p.id()),
                    fix(p.id(), g, table, exposed, sensitive, facts)));
        }
        return out;
    }

    private static String fix(
            String product,
            ObservedGrants.Grant g,
            boolean table,
            List<String> exposed,
            List<String> sensitive,
            Facts facts) {
        if (!table || sensitive.isEmpty()) {
            return "REVOKE " + g.privilege() + (table ? "" : " (" + String.join(", ", exposed) + ")") + " ON " + product
                    + " FROM " + g.principal() + "; -- draft: review with the owner before running";
        }
        List<String> rest = facts.contract(product)
                .map(c -> Facts.columns(c.value()).keySet().stream()
                        .filter(n -> !sensitive.contains(n))
                        .toList())
                .orElse(List.of());
        return "REVOKE " + g.privilege() + " ON " + product + " FROM " + g.principal() + "; GRANT " + g.privilege()
                + " (" + String.join(", ", rest) + ") ON " + product + " TO " + g.principal()
                + "; -- draft: a column grant without the sensitive columns, review with the owner before running";
    }

    /** Columns fed by a column of the propagated classifications must carry one of them too. */
    static List<DriftFinding> lineage(Rule rule, ProductView p, Facts facts) {
        List<String> classes = rule.strings("propagate");
        var contract = facts.contract(p.id());
        if (contract.isEmpty()) {
            return List.of();
        }
        List<DriftFinding> out = new ArrayList<>();
        for (ContractView.Property source :
                Facts.columns(contract.get().value()).values()) {
            if (source.classification() == null || !classes.contains(source.classification())) {
                continue;
            }
            var hops = facts.downstreamColumns(p.id(), source.name());
            if (hops.isEmpty()) {
                continue;
            }
            for (ColumnHop hop : hops.get().as(COLUMNS).hops()) {
                if (hop.product() == null || hop.product().equals(p.id())) {
                    continue;
                }
                var target = facts.contract(hop.product());
                if (target.isEmpty()) {
                    continue;
                }
                Map<String, ContractView.Property> cols =
                        Facts.columns(target.get().value());
                ContractView.Property t = cols.get(hop.column());
                if (t == null || (t.classification() != null && classes.contains(t.classification()))) {
                    continue;
                }
                out.add(DriftFinding.of(
                        rule,
                        hop.product(),
                        "column:" + hop.column(),
                        hop.product() + "." + hop.column() + " is fed by " + source.classification() + " column "
                                + p.id() + "." + source.name(),
                        "classification " + source.classification() + " follows lineage from " + p.id() + "."
                                + source.name(),
                        hop.product() + "." + hop.column() + " is classified "
                                + (t.classification() == null ? "nothing" : t.classification())
                                + (hop.transformation() == null ? "" : " (derived: " + hop.transformation() + ")"),
                        List.of(
                                contract.get().evidence(),
                                hops.get().id(),
                                target.get().evidence()),
                        facts.owner(hop.product()),
                        "Classify " + hop.column() + " as " + source.classification() + " in the contract of "
                                + hop.product() + ", or record an exception with the privacy office if the "
                                + "derivation removes the personal data."));
            }
        }
        return out;
    }
}
