package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a principal holds a scope on a resource. Deny by default: only a grant of one of the
 * principal's roles that covers the resource allows. A denial says who, which scope, on what, and which
 * grants the principal does hold. Stateless and thread-safe.
 *
 * <pre>{@code
 * Decision d = AccessPolicy.check(alice, Scope.PII_READ, Resource.product("customers", "customers.customer_profile"));
 * }</pre>
 */
public final class AccessPolicy {
    private AccessPolicy() {}

    public static Decision check(Principal principal, Scope scope, Resource resource) {
        List<ScopeGrant> grants = principal.grants();
        for (ScopeGrant g : grants) {
            if (g.scope() == scope && g.covers(resource)) {
                return Decision.allow(principal.id() + " holds " + g);
            }
        }
        String held = grants.isEmpty()
                ? "no grants"
                : grants.stream().map(ScopeGrant::toString).distinct().collect(Collectors.joining(", "));
        return Decision.deny(
                principal.id() + " lacks " + scope.wireName() + " on " + resource + " (holds: " + held + ")");
    }
}
