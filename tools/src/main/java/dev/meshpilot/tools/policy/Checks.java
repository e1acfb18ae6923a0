package dev.meshpilot.tools.policy;

import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.sandbox.principal.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies one rule to one product: first the scopes the single-product tools would need for what its kind
 * reads (a rule the caller may not read for is skipped and counted, never half-applied), then the kind's check.
 */
final class Checks {
    /** The kinds this package checks; a policy of another kind (e.g. contract-change) is for another agent. */
    static final List<String> KINDS =
            List.of("access", "lineage", "schema", "retention", "freshness", "ownership", "contract", "custom");

    private Checks() {}

    static List<PolicyFinding> apply(Rule rule, ProductView p, Facts facts, Notes notes) {
        for (Scope scope : needs(rule)) {
            if (!facts.may(scope, p.id())) {
                notes.skipped(rule.id(), p.id(), scope);
                return List.of();
            }
        }
        return switch (rule.kind()) {
            case "access" -> AccessChecks.access(rule, p, facts);
            case "lineage" -> AccessChecks.lineage(rule, p, facts, notes);
            case "schema" -> StateChecks.schema(rule, p, facts);
            case "retention" -> StateChecks.retention(rule, p, facts);
            case "freshness" -> StateChecks.freshness(rule, p, facts);
            case "ownership" -> StateChecks.ownership(rule, p, facts);
            case "contract" -> StateChecks.contract(rule, p, facts);
            case "custom" -> CustomChecks.custom(rule, p, facts, notes);
            default -> List.of();
        };
    }

    /** What the kind reads, as the scopes of the tools that read it one product at a time. */
    static List<Scope> needs(Rule rule) {
        List<Scope> out = new ArrayList<>(List.of(Scope.CATALOG_READ));
        switch (rule.kind()) {
            case "access" -> {
                out.add(Scope.GRANTS_READ);
                if (!rule.view().appliesTo().classifications().isEmpty()) {
                    out.add(Scope.CONTRACTS_READ);
                }
            }
            case "lineage" -> out.addAll(List.of(Scope.CONTRACTS_READ, Scope.LINEAGE_READ));
            case "schema" -> out.add(Scope.CONTRACTS_READ);
            case "freshness" -> out.add(Scope.RUNS_READ);
            case "custom" -> {
                String e = rule.rule().path("expression").asText("");
                if (e.contains("grants")) {
                    out.add(Scope.GRANTS_READ);
                }
                if (e.contains("columns")) {
                    out.add(Scope.CONTRACTS_READ);
                }
            }
            default -> {}
        }
        return out;
    }
}
