package dev.meshpilot.mesh.org;

import java.util.List;
import java.util.Objects;

/**
 * A scope granted by a role, optionally limited to some domains or products (empty lists = the whole
 * mesh).
 */
public record Grant(String scope, List<String> domains, List<String> products) {
    public Grant {
        Objects.requireNonNull(scope, "scope");
        domains = List.copyOf(domains);
        products = List.copyOf(products);
    }

    /** The scopes a grant may name. */
    public static final List<String> SCOPES = List.of(
            "catalog:read",
            "lineage:read",
            "lineage:write",
            "runs:read",
            "quality:read",
            "metrics:read",
            "incidents:read",
            "incidents:write",
            "alerts:write",
            "contracts:read",
            "policies:read",
            "grants:read",
            "sql:read",
            "pii:read",
            "drift:run",
            "notify:chat");
}
