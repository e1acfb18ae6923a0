package dev.meshpilot.mesh.policy;

import java.util.List;
import java.util.Objects;

/**
 * A governance policy. {@code ruleJson} holds the kind-specific rule as written (e.g. {@code allowRoles}
 * for access, {@code maxAge} for retention); the scope is given by classifications, products, domains or
 * {@code all}. {@code exceptions} (added later, null in stores written before them) are the accepted deviations,
 * each with an owner, a reason and an expiry.
 */
public record Policy(
        String id,
        String kind,
        String description,
        String severity,
        List<String> classifications,
        List<String> products,
        List<String> domains,
        boolean all,
        String ruleJson,
        List<PolicyException> exceptions) {
    /** The policy kinds and the rule field each needs. */
    public static final List<String> KINDS = List.of(
            "access",
            "retention",
            "freshness",
            "ownership",
            "schema",
            "contract",
            "lineage",
            "custom",
            "contract-change");

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        classifications = List.copyOf(classifications);
        products = List.copyOf(products);
        domains = List.copyOf(domains);
        exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
    }
}
