package dev.meshpilot.mesh.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.policy.CelRule;
import dev.meshpilot.mesh.policy.Policy;
import dev.meshpilot.mesh.policy.PolicyException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a policy file ({@code policies/*.yaml}) and checks its rule has the fields its kind needs (a custom
 * rule's CEL expression is type-checked here) and its exceptions name an owner, a reason and an expiry.
 */
final class PolicyReader {
    private static final Set<String> SEVERITY = Set.of("critical", "high", "medium", "low");

    private PolicyReader() {}

    static void read(YamlDoc doc, Workspace ws, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return;
        }
        root.onlyKeys(List.of("id", "kind", "description", "severity", "appliesTo", "rule", "exceptions"));
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
        List<PolicyException> exceptions = exceptions(root);
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
                rule.json().toString(),
                exceptions);
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
            case "contract" -> {
                rule.onlyKeys(List.of("requireContract"));
                requireTrue(rule, "requireContract");
            }
            case "lineage" -> {
                rule.onlyKeys(List.of("propagate"));
                if (rule.texts("propagate").isEmpty()) {
                    rule.problem(
                            "propagate",
                            "a lineage rule lists the classifications that must follow lineage "
                                    + "(propagate: [pii])");
                }
            }
            case "custom" -> custom(rule);
            default -> {}
        }
    }

    private static void custom(Node rule) {
        rule.onlyKeys(List.of("expression", "subject", "fix"));
        String expression = rule.text("expression", true);
        if (expression == null) {
            return;
        }
        CelRule.compile(expression)
                .error()
                .ifPresent(e -> rule.problem(
                        "expression",
                        "CEL: " + e.describe() + " in '" + expression + "' (variables: "
                                + String.join(", ", CelRule.VARIABLES) + "; the expression must be a bool)"));
    }

    private static List<PolicyException> exceptions(Node root) {
        List<PolicyException> out = new ArrayList<>();
        for (Node e : root.children("exceptions")) {
            e.onlyKeys(List.of("product", "subject", "owner", "reason", "expires"));
            String product = e.text("product", true);
            String subject = e.text("subject", false);
            String owner = e.text("owner", true);
            String reason = e.text("reason", true);
            LocalDate expires = e.date("expires", true);
            if (product != null && owner != null && reason != null && expires != null) {
                out.add(new PolicyException(product, subject, owner, reason, expires));
            }
        }
        return out;
    }

    private static void requireTrue(Node rule, String key) {
        JsonNode v = rule.json().get(key);
        if (v == null || !v.isBoolean()) {
            rule.problem(key, "expected " + key + ": true");
        }
    }
}
