package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.Objects;

/**
 * A scope granted by a role, limited to some domains and/or products; with both lists empty it covers the
 * whole mesh. A product-limited grant covers that product only; a domain-limited grant covers the domain
 * and every product in it (as named by {@link Resource#domain()}). Neither covers the whole mesh.
 *
 * <pre>{@code
 * ScopeGrant g = new ScopeGrant(Scope.PII_READ, List.of("customers"), List.of("payments.refunds"));
 * g.covers(Resource.product("customers", "customers.profile")); // true
 * g.covers(Resource.MESH);                                      // false
 * }</pre>
 */
public record ScopeGrant(Scope scope, List<String> domains, List<String> products) {
    public ScopeGrant {
        Objects.requireNonNull(scope, "scope");
        domains = List.copyOf(domains);
        products = List.copyOf(products);
        if (domains.stream().anyMatch(String::isBlank) || products.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a grant of " + scope.wireName() + " names a blank domain or product");
        }
    }

    /** The scope on the whole mesh. */
    public static ScopeGrant everywhere(Scope scope) {
        return new ScopeGrant(scope, List.of(), List.of());
    }

    /** Whether this grant is unlimited. */
    public boolean meshWide() {
        return domains.isEmpty() && products.isEmpty();
    }

    /** Whether this grant covers {@code resource}: a mesh-wide grant covers all; a limited one only its own. */
    public boolean covers(Resource resource) {
        if (meshWide()) {
            return true;
        }
        if (resource.product() != null && products.contains(resource.product())) {
            return true;
        }
        return resource.domain() != null && domains.contains(resource.domain());
    }

    @Override
    public String toString() {
        if (meshWide()) {
            return scope.wireName();
        }
        String on = domains.isEmpty() ? "" : "domains " + String.join(", ", domains);
        String and = domains.isEmpty() || products.isEmpty() ? "" : "; ";
        String prods = products.isEmpty() ? "" : "products " + String.join(", ", products);
        return scope.wireName() + " on " + on + and + prods;
    }
}
