package dev.meshpilot.sandbox.principal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a principal holds a scope on a resource. Deny by default: only a grant of one of the
 * principal's roles that {@linkplain ScopeGrant#covers covers} the resource allows. A denial says who,
 * which scope, on what, and which grants the principal does hold. Stateless and thread-safe.
 *
 * <pre>{@code
 * Decision d = AccessPolicy.check(alice, Scope.PII_READ, Resource.product("customers", "customers.profile"));
 * if (!d.allowed()) System.out.println(d.reason());
 * // alice lacks pii:read on product customers.profile (holds: sql:read on domains customers)
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
        return Decision.deny(
                principal.id() + " lacks " + scope.wireName() + " on " + resource + " (holds: " + held(grants) + ")");
    }

    /** Whether the principal holds {@code scope} anywhere at all (on some domain, product or the mesh). */
    public static boolean holdsAnywhere(Principal principal, Scope scope) {
        return principal.grants().stream().anyMatch(g -> g.scope() == scope);
    }

    static String held(List<ScopeGrant> grants) {
        return grants.isEmpty()
                ? "no grants"
                : grants.stream().map(ScopeGrant::toString).distinct().collect(Collectors.joining(", "));
    }
}
