package dev.meshpilot.agents.drift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A drift report as SARIF 2.1.0, for code-scanning dashboards: one rule per policy, one result per finding
 * (deny → {@code error}, warn → {@code warning}, info → {@code note}) located at its asset, with the fingerprint
 * under {@code partialFingerprints} and excepted findings as suppressed results.
 */
public final class DriftSarif {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private DriftSarif() {}

    public static ObjectNode render(DriftReport r) {
        ObjectNode sarif = F.objectNode()
                .put("$schema", "https://json.schemastore.org/sarif-2.1.0.json")
                .put("version", "2.1.0");
        ObjectNode run = sarif.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver").put("name", "meshpilot-drift");
        ArrayNode rules = driver.putArray("rules");
        Set<String> seen = new LinkedHashSet<>();
        r.findings().forEach(f -> {
            if (seen.add(f.policy())) {
                rules.addObject()
                        .put("id", f.policy())
                        .putObject("shortDescription")
                        .put("text", "Policy " + f.policy() + " (" + f.kind() + ")");
            }
        });
        ArrayNode results = run.putArray("results");
        for (DriftFinding f : r.findings()) {
            ObjectNode res = results.addObject().put("ruleId", f.policy()).put("level", level(f.level()));
            res.putObject("message")
                    .put("text", f.title() + ". Declared: " + f.declared() + ". Observed: " + f.observed() + ".");
            res.putArray("locations")
                    .addObject()
                    .putArray("logicalLocations")
                    .addObject()
                    .put("fullyQualifiedName", f.asset() + "/" + f.subject())
                    .put("kind", "resource");
            res.putObject("partialFingerprints").put("meshpilotDrift/v1", f.fingerprint());
            ObjectNode props = res.putObject("properties")
                    .put("state", f.state())
                    .put("asset", f.asset())
                    .put("subject", f.subject())
                    .put(
                            "firstSeen",
                            f.firstSeen() == null ? null : f.firstSeen().toString())
                    .put("fix", f.fix());
            ArrayNode ev = props.putArray("evidence");
            f.evidence().forEach(ev::add);
            if (!f.open()) {
                res.putArray("suppressions").addObject().put("kind", "external").put("justification", f.exception());
            }
        }
        return sarif;
    }

    private static String level(String level) {
        return switch (level) {
            case "deny" -> "error";
            case "warn" -> "warning";
            default -> "note";
        };
    }
}
