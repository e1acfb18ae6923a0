package dev.meshpilot.tools.policy;

import dev.meshpilot.mesh.observed.ObservedGrant;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.tools.catalog.ContractView;
import dev.meshpilot.tools.lineage.ColumnHop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Classification against grants (table- and column-level), and classification along column lineage: a column
 * fed by a classified column carries the same classification.
 */
final class AccessChecks {
    private AccessChecks() {}

    /**
     * Each grant to a role outside {@code allowRoles} that reaches a column of the policy's classifications (a
     * table grant reaches them all); without classifications, any grant to such a role.
     */
    static List<PolicyFinding> access(Rule rule, ProductView p, Facts facts) {
        List<String> classes = rule.view().appliesTo().classifications();
        List<String> allowed = rule.strings("allowRoles");
        List<String> sensitive = new ArrayList<>();
        String contract = null;
        if (!classes.isEmpty()) {
            var c = facts.contract(p.id());
            if (c.isEmpty()) {
                return List.of();
            }
            contract = Facts.source(c.get());
            facts.columns(p.id()).values().stream()
                    .filter(col -> col.classification() != null && classes.contains(col.classification()))
                    .forEach(col -> sensitive.add(col.name()));
            if (sensitive.isEmpty()) {
                return List.of();
            }
        }
        List<PolicyFinding> out = new ArrayList<>();
        for (ObservedGrant g : facts.grants(p.id())) {
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
            List<String> sources = contract == null ? List.of("observed grants") : List.of("observed grants", contract);
            String what = classes.isEmpty() ? "" : " " + String.join("/", classes) + " columns";
            String observed = (table
                            ? g.privilege() + " on the whole table"
                            : g.privilege() + " on columns " + String.join(", ", g.columns()))
                    + (classes.isEmpty() ? "" : ", which reaches " + String.join(", ", exposed))
                    + (g.grantedAt() == null ? "" : " (granted " + g.grantedAt() + ")");
            out.add(PolicyFinding.of(
                    rule,
                    p.id(),
                    g.principal(),
                    g.principal() + " can read" + what + " of " + p.id(),
                    "only " + String.join(", ", allowed) + " may read" + (what.isEmpty() ? " it" : what),
                    g.principal() + " holds " + observed,
                    sources,
                    facts.owner(p.id()),
                    fix(p.id(), g, table, exposed, sensitive, facts)));
        }
        return out;
    }

    private static String fix(
            String product, ObservedGrant g, boolean table, List<String> exposed, List<String> sensitive, Facts facts) {
        if (!table || sensitive.isEmpty()) {
            return "REVOKE " + g.privilege() + (table ? "" : " (" + String.join(", ", exposed) + ")") + " ON " + product
                    + " FROM " + g.principal() + "; -- draft: review with the owner before running";
        }
        List<String> rest = facts.columns(product).keySet().stream()
                .filter(n -> !sensitive.contains(n))
                .toList();
        return "REVOKE " + g.privilege() + " ON " + product + " FROM " + g.principal() + "; GRANT " + g.privilege()
                + " (" + String.join(", ", rest) + ") ON " + product + " TO " + g.principal()
                + "; -- draft: a column grant without the sensitive columns, review with the owner before running";
    }

    /**
     * Columns fed by a column of the propagated classifications must carry one of them too. A downstream product
     * whose contract the caller may not read is left out and counted in {@code notes}.
     */
    static List<PolicyFinding> lineage(Rule rule, ProductView p, Facts facts, Notes notes) {
        List<String> classes = rule.strings("propagate");
        var contract = facts.contract(p.id());
        if (contract.isEmpty()) {
            return List.of();
        }
        List<PolicyFinding> out = new ArrayList<>();
        for (ContractView.Property source : facts.columns(p.id()).values()) {
            if (source.classification() == null || !classes.contains(source.classification())) {
                continue;
            }
            for (ColumnHop hop : facts.downstreamColumns(p.id(), source.name())) {
                if (hop.product() == null || hop.product().equals(p.id())) {
                    continue;
                }
                if (!facts.may(Scope.CONTRACTS_READ, hop.product())) {
                    notes.skipped(rule.id(), hop.product(), Scope.CONTRACTS_READ);
                    continue;
                }
                var target = facts.contract(hop.product());
                if (target.isEmpty()) {
                    continue;
                }
                Map<String, ContractView.Property> cols = facts.columns(hop.product());
                ContractView.Property t = cols.get(hop.column());
                if (t == null || (t.classification() != null && classes.contains(t.classification()))) {
                    continue;
                }
                out.add(new PolicyFinding(
                        rule.id(),
                        rule.kind(),
                        hop.product(),
                        "column:" + hop.column(),
                        rule.level(),
                        hop.product() + "." + hop.column() + " is fed by " + source.classification() + " column "
                                + p.id() + "." + source.name(),
                        "classification " + source.classification() + " follows lineage from " + p.id() + "."
                                + source.name(),
                        hop.product() + "." + hop.column() + " is classified "
                                + (t.classification() == null ? "nothing" : t.classification()),
                        List.of(Facts.source(contract.get()), "column lineage", Facts.source(target.get())),
                        facts.owner(hop.product()),
                        "Classify " + hop.column() + " as " + source.classification() + " in the contract of "
                                + hop.product() + ", or record an exception with the privacy office if the "
                                + "derivation removes the personal data.",
                        hop.transformation()));
            }
        }
        return out;
    }
}
