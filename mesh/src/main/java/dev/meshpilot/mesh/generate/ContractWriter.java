package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code contracts/<domain>/<name>.odcs.yaml}: an ODCS v3.1.0 contract per product, {@code id} the
 * product id, version 1.0.0, status active, with the product's server, one schema object whose properties
 * are the product's columns, quality rules, team, support channel, roles and SLA properties. The tests
 * validate every contract against the official JSON Schema.
 */
final class ContractWriter {
    private final MeshPlan plan;
    private final Map<String, List<String>> members = new HashMap<>();

    ContractWriter(MeshPlan plan) {
        this.plan = plan;
        for (PersonPlan p : plan.people()) {
            if (p.team() != null) {
                members.computeIfAbsent(p.team(), t -> new ArrayList<>()).add(p.id());
            }
        }
    }

    static String path(ProductPlan p) {
        return "contracts/" + p.domain().id() + "/" + p.name() + ".odcs.yaml";
    }

    void write(ProductPlan p, Output out) {
        Rng rng = Rng.of(plan.spec().seed(), "contract", p.index());
        DomainPlan d = p.domain();
        Duration age = Duration.ofDays(plan.spec().days() + 30L + rng.nextInt(700));
        out.yaml(
                path(p),
                doc().put("apiVersion", "v3.1.0")
                        .put("kind", "DataContract")
                        .put("id", p.id())
                        .put("name", Names.title(p.name()))
                        .put("version", "1.0.0")
                        .put("status", "active")
                        .put("domain", d.id())
                        .put("dataProduct", p.id())
                        .put("tenant", Platform.ORG)
                        .put(
                                "description",
                                doc().put("purpose", ProductWriter.description(p, plan.lineage()))
                                        .put(
                                                "usage",
                                                "Analytics and downstream data products of the " + d.id() + " domain")
                                        .put(
                                                "limitations",
                                                p.hasPii() ? "Contains personal data; access needs pii:read" : null)
                                        .map())
                        .put("tags", List.of(d.stem(), p.entity() + "s"))
                        .put("servers", List.of(d.platform().server(d.id(), p.name())))
                        .put("schema", List.of(schema(p)))
                        .put(
                                "team",
                                doc().put("name", d.team().id())
                                        .put(
                                                "members",
                                                members.get(d.team().id()).stream()
                                                        .map(id -> doc().put("username", id)
                                                                .put(
                                                                        "role",
                                                                        id.equals(d.team()
                                                                                        .oncall())
                                                                                ? "owner"
                                                                                : "data engineer")
                                                                .map())
                                                        .toList())
                                        .map())
                        .put(
                                "support",
                                List.of(doc().put("channel", d.team().chat())
                                        .put("tool", "slack")
                                        .put("scope", "interactive")
                                        .map()))
                        .put(
                                "roles",
                                List.of(
                                        doc().put("role", d.id() + "_reader")
                                                .put("access", "read")
                                                .map(),
                                        doc().put("role", d.id() + "_writer")
                                                .put("access", "write")
                                                .map()))
                        .put(
                                "slaProperties",
                                List.of(
                                        sla("frequency", 1, "d"),
                                        sla("latency", p.criticality().equals("low") ? 48 : 26, "h"),
                                        sla("retention", 2, "y")))
                        .put("contractCreatedTs", plan.spec().asOf().minus(age).toString())
                        .map());
    }

    private static Map<String, Object> schema(ProductPlan p) {
        List<Map<String, Object>> properties = new ArrayList<>();
        for (Column c : p.columns()) {
            properties.add(doc().put("name", c.name())
                    .put("logicalType", c.logicalType())
                    .put("physicalType", c.physicalType())
                    .put("description", c.description())
                    .put("required", c.required())
                    .put("primaryKey", c.primaryKey())
                    .put("primaryKeyPosition", c.primaryKey() ? 1 : null)
                    .put("unique", c.primaryKey() ? Boolean.TRUE : null)
                    .put("classification", c.classification())
                    .put(
                            "quality",
                            c.primaryKey()
                                    ? List.of(doc().put("metric", "duplicateValues")
                                            .put("mustBe", 0)
                                            .put("dimension", "uniqueness")
                                            .put("severity", "error")
                                            .map())
                                    : null)
                    .map());
        }
        return doc().put("name", p.name())
                .put("physicalName", p.name())
                .put("physicalType", "table")
                .put("description", Names.title(p.name()))
                .put("properties", properties)
                .put(
                        "quality",
                        List.of(doc().put("metric", "rowCount")
                                .put("mustBeGreaterThan", Math.max(1, p.baseRows() / 2))
                                .put("dimension", "completeness")
                                .put("severity", "error")
                                .map()))
                .map();
    }

    private static Map<String, Object> sla(String property, int value, String unit) {
        return doc().put("property", property)
                .put("value", value)
                .put("unit", unit)
                .map();
    }
}
