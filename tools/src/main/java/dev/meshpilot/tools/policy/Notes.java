package dev.meshpilot.tools.policy;

import dev.meshpilot.sandbox.principal.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a check could not do, said once per cause: a rule not applied to products for want of a scope (counted,
 * with an example), and rules that could not be applied at all.
 */
final class Notes {
    private record Skip(String policy, Scope scope) {}

    private final Map<Skip, Set<String>> skipped = new LinkedHashMap<>();
    private final Set<String> other = new LinkedHashSet<>();

    void skipped(String policy, String product, Scope scope) {
        skipped.computeIfAbsent(new Skip(policy, scope), k -> new LinkedHashSet<>())
                .add(product);
    }

    void add(String note) {
        other.add(note);
    }

    List<String> list() {
        return List.copyOf(other);
    }

    /** The rules skipped for want of a scope, counted per policy and scope. */
    List<PolicyCheck.Skipped> skipped() {
        List<PolicyCheck.Skipped> out = new ArrayList<>();
        skipped.forEach((k, products) -> out.add(new PolicyCheck.Skipped(
                k.policy(),
                k.scope().wireName(),
                products.size(),
                products.iterator().next())));
        return out;
    }
}
