package dev.meshpilot.tools.policy;

import dev.meshpilot.mesh.policy.CelRule;
import dev.meshpilot.mesh.view.ProductView;
import dev.meshpilot.tools.catalog.ContractView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Custom rules: a CEL expression over the product, its grants, its contract's columns and the observed columns
 * ({@link CelRule}), true when the product complies. The expression was type-checked when the workspace loaded.
 */
final class CustomChecks {
    private CustomChecks() {}

    static List<PolicyFinding> custom(Rule rule, ProductView p, Facts facts, Notes notes) {
        String expression = rule.rule().path("expression").asText("");
        var compiled = facts.cel(expression);
        if (compiled.rule().isEmpty()) {
            notes.add("policy " + rule.id() + ": CEL "
                    + compiled.error().orElseThrow().describe()
                    + "; the rule was skipped (reload the workspace to see the problem)");
            return List.of();
        }
        List<String> ev = new ArrayList<>(List.of("product " + p.id()));
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("product", product(p));
        List<Map<String, Object>> grants = new ArrayList<>();
        if (expression.contains("grants")) {
            ev.add("observed grants");
            facts.grants(p.id())
                    .forEach(g -> grants.add(
                            Map.of("principal", g.principal(), "privilege", g.privilege(), "columns", g.columns())));
        }
        vars.put("grants", grants);
        List<Map<String, Object>> columns = new ArrayList<>();
        if (expression.contains("columns")) {
            facts.contract(p.id()).ifPresent(c -> {
                ev.add(Facts.source(c));
                for (ContractView.Property col : facts.columns(p.id()).values()) {
                    columns.add(Map.of(
                            "name", col.name(),
                            "type", nz(col.physicalType()),
                            "classification", nz(col.classification()),
                            "required", col.required()));
                }
            });
        }
        vars.put("columns", columns);
        List<Map<String, Object>> observed = new ArrayList<>();
        if (expression.contains("observed")) {
            facts.schema(p.id()).ifPresent(s -> {
                ev.add(Facts.source(s));
                s.columns().forEach(c -> observed.add(Map.of("name", c.name(), "type", nz(c.type()))));
            });
        }
        vars.put("observed", observed);
        boolean holds;
        try {
            holds = compiled.rule().get().holds(vars);
        } catch (IllegalArgumentException e) {
            notes.add("policy " + rule.id() + " on " + p.id() + ": " + e.getMessage());
            return List.of();
        }
        if (holds) {
            return List.of();
        }
        String subject = rule.rule().path("subject").asText("rule");
        String fix = rule.rule().path("fix").asText("Make " + p.id() + " satisfy " + expression);
        return List.of(PolicyFinding.of(
                rule,
                p.id(),
                subject,
                p.id() + " breaks " + rule.id(),
                expression,
                "false for " + p.id()
                        + (grants.isEmpty()
                                ? ""
                                : "; grants to "
                                        + String.join(
                                                ", ",
                                                grants.stream()
                                                        .map(g -> g.get("principal") + " (" + g.get("privilege") + ")")
                                                        .toList())),
                ev,
                facts.owner(p.id()),
                fix));
    }

    private static Map<String, Object> product(ProductView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", nz(p.name()));
        m.put("domain", p.domain().id());
        m.put("owner", p.owner() == null ? "" : nz(p.owner().team()));
        m.put("criticality", nz(p.criticality()));
        m.put("tags", p.tags());
        m.put("slos", p.slos().stream().map(ProductView.SloView::kind).toList());
        m.put("contract", p.contract() == null ? "" : nz(p.contract().version()));
        return m;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
