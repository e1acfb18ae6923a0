package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.policy.Policy;
import java.util.List;
import java.util.Set;

/** Reads a policy file ({@code policies/*.yaml}) and checks its rule has the fields its kind needs. */
final class PolicyReader {
    private static final Set<String> SEVERITY = Set.of("critical", "high", "medium", "low");

    private PolicyReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(List.of("id", "kind", "description", "severity", "appliesTo", "rule"));
        String id = root.text("id", true);
        String kind = root.oneOf("kind", Set.copyOf(Policy.KINDS), null);
        String severity = root.oneOf("severity", SEVERITY, "medium");
        Node applies = root.child("appliesTo", true);
        Node rule = root.child("rule", true);
        if (applies != null) {
            applies.onlyKeys(List.of("classification", "products", "domains", "all"));
            if (applies.json().isEmpty()) {
                root.problem("appliesTo", "say what the policy applies to: classification, products, domains or all");
            }
        }
        if (rule != null && kind != null) {
            checkRule(kind, rule);
        }
        if (id == null || kind == null || applies == null || rule == null) {
            return;
        }
        Policy policy = new Policy(
                id,
                kind,
                root.text("description", false),
                severity,
                applies.texts("classification"),
                applies.texts("products"),
                applies.texts("domains"),
                applies.json().path("all").asBoolean(false),
                rule.json().toString());
        ws.policies.add(new Sourced<>(policy, doc, root.pointer()));
    }

    private static void checkRule(String kind, Node rule) {
        switch (kind) {
            case "access" -> {
                rule.onlyKeys(List.of("allowRoles"));
                if (rule.texts("allowRoles").isEmpty()) {
                    rule.problem("allowRoles", "an access rule lists the role ids allowed (allowRoles: [..])");
                }
            }
            case "retention", "freshness" -> {
                rule.onlyKeys(List.of("maxAge"));
                rule.duration("maxAge", true);
            }
            case "ownership" -> {
                rule.onlyKeys(List.of("requireOwner"));
                requireTrue(rule, "requireOwner");
            }
            case "schema" -> {
                rule.onlyKeys(List.of("matchContract"));
                requireTrue(rule, "matchContract");
            }
            case "contract-change" -> {
                for (String problem : dev.meshpilot.mesh.migration.RuleSettings.problems(rule.json())) {
                    int colon = problem.indexOf(": ");
                    rule.problem(problem.substring(0, colon), problem.substring(colon + 2));
                }
            }
            default -> {}
        }
    }

    private static void requireTrue(Node rule, String key) {
        JsonNode v = rule.json().get(key);
        if (v == null || !v.isBoolean()) {
            rule.problem(key, "expected " + key + ": true");
        }
    }
}
