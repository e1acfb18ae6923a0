package dev.meshpilot.mesh.generate;

import static dev.meshpilot.mesh.generate.Docs.doc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roles of the generated mesh and their grants: analysts, engineers, privacy officers, data stewards
 * (PII limited to the domains that hold personal data), platform admins, the scheduler's service role, and
 * the ingest service role of what posts lineage and alerts to the REST API.
 */
final class Roles {
    private static final String READ =
            "catalog:read lineage:read runs:read quality:read metrics:read incidents:read contracts:read policies:read";

    private Roles() {}

    static List<Map<String, Object>> of(MeshPlan plan) {
        List<String> stewarded = plan.domains().stream()
                .filter(d -> Names.PERSONAL_DOMAINS.contains(d.stem()))
                .map(DomainPlan::id)
                .toList();
        Map<String, Object> pii = doc().put("scope", "pii:read")
                .put(
                        "domains",
                        stewarded.isEmpty() ? List.of(plan.domains().get(0).id()) : stewarded)
                .map();
        return List.of(
                role(
                        "analyst",
                        "Reads the catalog and runs SQL on non-PII data",
                        "catalog:read lineage:read metrics:read quality:read contracts:read sql:read"),
                role(
                        "engineer",
                        "Operates the products of a domain",
                        READ + " incidents:write grants:read sql:read notify:chat"),
                role(
                        "privacy-officer",
                        "Reviews access to personal data",
                        "catalog:read contracts:read policies:read grants:read pii:read drift:run"),
                role(
                        "data-steward",
                        "Curates personal data of the customer-facing domains",
                        "catalog:read contracts:read",
                        pii),
                role(
                        "platform-admin",
                        "Runs the data platform",
                        READ + " incidents:write grants:read sql:read pii:read drift:run notify:chat"),
                role(
                        "scheduler",
                        "Service identity of scheduled sweeps",
                        READ + " incidents:write grants:read drift:run notify:chat"),
                role(
                        "ingest",
                        "Service identity of OpenLineage producers and Alertmanager",
                        "catalog:read lineage:write alerts:write"));
    }

    private static Map<String, Object> role(String id, String description, String scopes) {
        return role(id, description, scopes, null);
    }

    /** A role whose grants are the mesh-wide {@code scopes} (space-separated), then a {@code limited} one. */
    private static Map<String, Object> role(String id, String description, String scopes, Map<String, Object> limited) {
        List<Map<String, Object>> grants = new ArrayList<>();
        Names.words(scopes).forEach(s -> grants.add(doc().put("scope", s).map()));
        if (limited != null) {
            grants.add(limited);
        }
        return doc().put("id", id)
                .put("description", description)
                .put("grants", grants)
                .map();
    }
}
