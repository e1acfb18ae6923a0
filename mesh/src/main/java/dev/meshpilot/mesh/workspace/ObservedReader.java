package dev.meshpilot.mesh.workspace;

import dev.meshpilot.mesh.incident.ErrorClass;
import dev.meshpilot.mesh.incident.Incident;
import dev.meshpilot.mesh.incident.Severity;
import dev.meshpilot.mesh.observed.ObservedGrant;
import dev.meshpilot.mesh.observed.ObservedRetention;
import dev.meshpilot.mesh.observed.ObservedSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the files under {@code observed/}: incident history, grants, schemas and retention. */
final class ObservedReader {
    private static final Set<String> SEVERITIES = Set.copyOf(Severity.wireNames());

    private ObservedReader() {}

    static void incidents(YamlDoc doc, Workspace ws, Problems problems) {
        for (Node i : list(doc, "incidents", problems)) {
            i.onlyKeys(List.of(
                    "id",
                    "title",
                    "product",
                    "status",
                    "severity",
                    "openedAt",
                    "resolvedAt",
                    "errorClass",
                    "description",
                    "rootCause",
                    "resolution",
                    "fingerprint"));
            String id = i.matching("id", true, "INC-[0-9]{1,9}", "INC-<number>, e.g. INC-1001");
            String title = i.text("title", true);
            String product = i.text("product", true);
            String status = i.oneOf("status", Set.of("open", "resolved"), null);
            String severity = i.optionalOneOf("severity", SEVERITIES);
            String errorClass = i.optionalOneOf("errorClass", Set.copyOf(ErrorClass.wireNames()));
            Instant opened = i.instant("openedAt", true);
            Instant resolved = i.instant("resolvedAt", false);
            if ("resolved".equals(status) && resolved == null && i.json().get("resolvedAt") == null) {
                i.problem("resolvedAt", "a resolved incident needs resolvedAt");
            }
            if (id == null || title == null || product == null || status == null || opened == null) {
                continue;
            }
            Instant updated = resolved != null ? resolved : opened;
            Incident incident = new Incident(
                    id,
                    title,
                    product,
                    status,
                    severity,
                    errorClass,
                    i.text("description", false),
                    i.text("rootCause", false),
                    i.text("resolution", false),
                    i.text("fingerprint", false),
                    "workspace",
                    opened,
                    updated,
                    resolved,
                    1);
            ws.incidents.add(new Sourced<>(incident, doc, i.pointer()));
        }
    }

    static void grants(YamlDoc doc, Workspace ws, Problems problems) {
        for (Node g : list(doc, "grants", problems)) {
            g.onlyKeys(List.of("principal", "product", "privilege", "columns", "grantedAt"));
            String principal = g.text("principal", true);
            String product = g.text("product", true);
            String privilege = g.oneOf("privilege", Set.copyOf(ObservedGrant.PRIVILEGES), null);
            Instant at = g.instant("grantedAt", false);
            if (principal != null && product != null && privilege != null) {
                ObservedGrant grant = new ObservedGrant(principal, product, privilege, g.texts("columns"), at);
                ws.grants.add(new Sourced<>(grant, doc, g.pointer()));
            }
        }
    }

    static void schemas(YamlDoc doc, Workspace ws, Problems problems) {
        for (Node s : list(doc, "schemas", problems)) {
            s.onlyKeys(List.of("product", "observedAt", "columns"));
            String product = s.text("product", true);
            Instant at = s.instant("observedAt", true);
            List<ObservedSchema.Column> columns = new ArrayList<>();
            for (Node c : s.children("columns")) {
                c.onlyKeys(List.of("name", "type"));
                String name = c.text("name", true);
                if (name != null) {
                    columns.add(new ObservedSchema.Column(name, c.text("type", false)));
                }
            }
            if (product != null && at != null) {
                ws.schemas.add(new Sourced<>(new ObservedSchema(product, at, columns), doc, s.pointer()));
            }
        }
    }

    static void retention(YamlDoc doc, Workspace ws, Problems problems) {
        for (Node r : list(doc, "retention", problems)) {
            r.onlyKeys(List.of("product", "observedAt", "oldestPartition", "newestPartition", "partitions"));
            String product = r.text("product", true);
            Instant at = r.instant("observedAt", true);
            LocalDate oldest = r.date("oldestPartition", true);
            LocalDate newest = r.date("newestPartition", true);
            String count = r.matching("partitions", false, "[0-9]+", "a whole number");
            if (product != null && at != null && oldest != null && newest != null) {
                Integer partitions = count == null ? null : Integer.valueOf(count);
                ObservedRetention value = new ObservedRetention(product, at, oldest, newest, partitions);
                ws.retention.add(new Sourced<>(value, doc, r.pointer()));
            }
        }
    }

    private static List<Node> list(YamlDoc doc, String key, Problems problems) {
        Node root = Node.root(doc, problems);
        if (!root.isObject()) {
            return List.of();
        }
        root.onlyKeys(List.of(key));
        return root.children(key);
    }
}
