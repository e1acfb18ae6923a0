package dev.meshpilot.tools.search;

import dev.meshpilot.mesh.search.DocType;
import dev.meshpilot.mesh.search.SearchHit;
import dev.meshpilot.sandbox.principal.AccessPolicy;
import dev.meshpilot.sandbox.principal.Principal;
import dev.meshpilot.sandbox.principal.Resource;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.tools.support.ProductRefs;

/** Whether a principal may see a search hit: the scope its kind needs, on the product or domain it belongs to. */
final class Visibility {
    private Visibility() {}

    static boolean visible(Principal principal, SearchHit hit, String productId) {
        Scope scope = switch (hit.type()) {
            case PRODUCT, RUNBOOK -> Scope.CATALOG_READ;
            case CONTRACT -> Scope.CONTRACTS_READ;
            case INCIDENT -> Scope.INCIDENTS_READ;
        };
        if (hit.type() == DocType.RUNBOOK) {
            return AccessPolicy.holdsAnywhere(principal, scope);
        }
        Resource where = productId != null
                ? ProductRefs.resource(productId)
                : hit.domain() != null ? Resource.domain(hit.domain()) : Resource.MESH;
        return AccessPolicy.check(principal, scope, where).allowed();
    }
}
