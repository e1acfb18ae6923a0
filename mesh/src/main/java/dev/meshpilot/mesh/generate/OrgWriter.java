package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import java.util.List;
import java.util.Map;

/** Writes {@code meshpilot.yaml} (teams, roles with grants, principals, channels) and each domain file. */
final class OrgWriter {
    static final String MAIL = "@" + Platform.ORG + ".example";

    private OrgWriter() {}

    static void write(MeshPlan plan, Output out) {
        GeneratorSpec spec = plan.spec();
        out.yaml(
                "meshpilot.yaml",
                doc().put("apiVersion", "meshpilot/v1")
                        .put("kind", "Mesh")
                        .put("name", Platform.ORG + "-synthetic")
                        .put(
                                "description",
                                "Synthetic mesh: " + spec.products() + " products in "
                                        + plan.domains().size() + " domains, " + spec.days() + " days of runs")
                        .put("asOf", spec.asOf().toString())
                        .put("teams", plan.teams().stream().map(OrgWriter::team).toList())
                        .put("roles", Roles.of(plan))
                        .put(
                                "principals",
                                plan.people().stream().map(OrgWriter::principal).toList())
                        .put(
                                "channels",
                                List.of(
                                        doc().put("id", "mesh-alerts")
                                                .put("kind", "slack")
                                                .put("target", "#mesh-alerts")
                                                .map(),
                                        doc().put("id", "data-platform")
                                                .put("kind", "slack")
                                                .put("target", "#data-platform")
                                                .map()))
                        .put(
                                "x-generator",
                                doc().put("products", spec.products())
                                        .put("days", spec.days())
                                        .put("seed", spec.seed())
                                        .put("fanIn", spec.fanIn())
                                        .map())
                        .map());
        for (DomainPlan d : plan.domains()) {
            out.yaml(
                    "domains/" + d.id() + "/domain.yaml",
                    doc().put("id", d.id())
                            .put("name", Names.title(d.id()))
                            .put(
                                    "description",
                                    Names.title(d.stem()) + " data products on "
                                            + d.platform().label())
                            .put("owner", d.team().id())
                            .put("oncall", d.team().oncall())
                            .put("chat", d.team().chat())
                            .map());
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static Map<String, Object> team(TeamPlan t) {
        return doc().put("id", t.id())
                .put("name", t.name())
                .put("email", t.id() + MAIL)
                .put("chat", t.chat())
                .put("oncall", t.oncall())
                .map();
    }

    private static Map<String, Object> principal(PersonPlan p) {
        return doc().put("id", p.id())
                .put("kind", p.kind())
                .put("name", p.name())
                .put("email", p.kind().equals("user") ? p.id() + MAIL : null)
                .put("team", p.team())
                .put("roles", p.roles())
                .map();
    }
}
