package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import java.util.List;
import java.util.Map;

/**
 * Writes the governance files: five policies (PII access, retention, freshness of critical products,
 * ownership, schema matches contract) and a runbook per {@link Failure} with YAML front matter.
 */
final class GovernanceWriter {
    private GovernanceWriter() {}

    static void write(MeshPlan plan, Output out) {
        List<String> critical = plan.products().stream()
                .filter(p -> p.criticality().equals("critical"))
                .map(ProductPlan::id)
                .toList();
        policy(
                out,
                "pii-access-restricted",
                "access",
                "high",
                "Only privacy officers and data stewards may read PII columns",
                doc().put("classification", List.of("pii")),
                doc().put("allowRoles", List.of("privacy-officer", "data-steward")));
        policy(
                out,
                "retention-two-years",
                "retention",
                "medium",
                "No product keeps data older than two years",
                doc().put("all", true),
                doc().put("maxAge", "P730D"));
        policy(
                out,
                "freshness-critical",
                "freshness",
                "high",
                "Critical products are refreshed every day",
                doc().put("products", critical),
                doc().put("maxAge", "PT26H"));
        policy(
                out,
                "ownership-required",
                "ownership",
                "medium",
                "Every product names an owning team",
                doc().put("all", true),
                doc().put("requireOwner", true));
        policy(
                out,
                "schema-matches-contract",
                "schema",
                "high",
                "What the warehouse holds matches the active contract",
                doc().put("all", true),
                doc().put("matchContract", true));
        String hub = plan.products().get(0).id();
        for (Failure f : Failure.values()) {
            runbook(out, f, f == Failure.SCHEMA_MISMATCH ? List.of(hub) : null);
        }
    }

    private static void policy(
            Output out, String id, String kind, String severity, String description, Docs appliesTo, Docs rule) {
        out.yaml(
                "policies/" + id + ".yaml",
                doc().put("id", id)
                        .put("kind", kind)
                        .put("description", description)
                        .put("severity", severity)
                        .put("appliesTo", appliesTo.map())
                        .put("rule", rule.map())
                        .map());
    }

    private static void runbook(Output out, Failure f, List<String> products) {
        String id = "RB-" + Names.dashed(f.wireName());
        Map<String, Object> front = doc().put("id", id)
                .put("title", f.title())
                .put(
                        "appliesTo",
                        doc().put("products", products)
                                .put("errorClasses", List.of(f.wireName()))
                                .map())
                .put("tags", List.of(f.wireName().split("_")[0]))
                .map();
        StringBuilder body = new StringBuilder()
                .append("# ")
                .append(f.title())
                .append("\n\n")
                .append("Applies to runs and incidents classified `")
                .append(f.wireName())
                .append("`.\n")
                .append("Typical cause: ")
                .append(f.rootCause().toLowerCase(java.util.Locale.ROOT))
                .append(".\n\n")
                .append("## Steps\n\n");
        List<String> steps = f.steps();
        for (int i = 0; i < steps.size(); i++) {
            body.append(i + 1).append(". ").append(steps.get(i)).append(".\n");
        }
        body.append("\n## Escalation\n\nPage the owning team's on-call; for critical products also post in")
                .append(" #mesh-alerts.\n");
        out.text("runbooks/" + id + ".md", "---\n" + Output.yaml(front) + "---\n" + body);
    }
}
