package dev.meshpilot.agents.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.meshpilot.agents.runtime.AgentRun;
import dev.meshpilot.mesh.migration.ChangeRule;
import dev.meshpilot.mesh.migration.Severity;

/**
 * The migration report as SARIF 2.1.0, for CI systems that show findings inline: one result per change, its
 * rule id the migration rule, level {@code error} (breaking), {@code warning} (review) or {@code note}
 * (compatible), located at the proposed contract file with the change's path as the logical location.
 */
public final class MigrationSarif {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private MigrationSarif() {}

    /** The SARIF log; {@code file} is the artifact the results point at (the proposed contract). */
    public static String render(AgentRun<MigrationReport> run, String file) {
        MigrationReport r = run.report();
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode log = f.objectNode().put("$schema", SCHEMA).put("version", "2.1.0");
        ObjectNode sarifRun = log.putArray("runs").addObject();
        ObjectNode driver = sarifRun.putObject("tool").putObject("driver").put("name", "meshpilot-migrate");
        ArrayNode rules = driver.putArray("rules");
        for (ChangeRule rule : ChangeRule.values()) {
            ObjectNode d = rules.addObject().put("id", rule.id());
            d.putObject("shortDescription").put("text", rule.what());
            d.putObject("defaultConfiguration").put("level", level(rule.defaultSeverity()));
        }
        ArrayNode results = sarifRun.putArray("results");
        for (MigrationReport.ChangeFinding c : r.changes()) {
            ObjectNode res = results.addObject().put("ruleId", c.rule()).put("level", level(c.severity()));
            res.putObject("message").put("text", c.message());
            ObjectNode loc = res.putArray("locations").addObject();
            loc.putObject("physicalLocation").putObject("artifactLocation").put("uri", file);
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", r.contract() + ":" + c.path());
            res.putObject("properties")
                    .put("severity", c.severity().wireName())
                    .put("oldValue", c.oldValue())
                    .put("newValue", c.newValue());
        }
        sarifRun.putObject("properties")
                .put("contract", r.contract())
                .put("from", r.fromVersion())
                .put("to", r.toVersion())
                .put("verdict", r.verdict())
                .put("checkFailed", r.check().failed());
        try {
            return AgentRun.json().writerWithDefaultPrettyPrinter().writeValueAsString(log) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case BREAKING -> "error";
            case REVIEW -> "warning";
            default -> "note";
        };
    }
}
