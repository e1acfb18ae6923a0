package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/**
 * A scope granted by a role, limited to some domains or products; with both lists empty it covers the
 * whole mesh.
 */
public record ScopeGrant(Scope scope, List<String> domains, List<String> products) {
    public ScopeGrant {
        Objects.requireNonNull(scope, "scope");
        domains = List.copyOf(domains);
        products = List.copyOf(products);
    }

    public static ScopeGrant everywhere(Scope scope) {
        return new ScopeGrant(scope, List.of(), List.of());
    }

    /** Whether this grant covers {@code resource}: a mesh-wide grant covers all; a limited one only its own. */
    public boolean covers(Resource resource) {
        if (domains.isEmpty() && products.isEmpty()) {
            return true;
        }
        if (resource.product() != null && products.contains(resource.product())) {
            return true;
        }
        return resource.domain() != null && domains.contains(resource.domain());
    }

    @Override
    public String toString() {
        String where = domains.isEmpty() && products.isEmpty()
                ? ""
                : " on " + String.join(", ", domains) + (domains.isEmpty() || products.isEmpty() ? "" : ", ")
                        + String.join(", ", products);
        return scope.wireName() + where;
    }
}
