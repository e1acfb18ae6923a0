package dev.meshpilot.mesh.generate;

import java.util.List;
import java.util.Objects;

/**
 * Everything about a generated mesh that is held in memory while writing it: the organisation, the
 * products in topological order (every upstream has a lower index) and the lineage between them. Run
 * events are not part of it; they are drawn while streaming.
 */
record MeshPlan(
        GeneratorSpec spec,
        List<TeamPlan> teams,
        List<PersonPlan> people,
        List<DomainPlan> domains,
        List<ProductPlan> products,
        Lineage lineage) {
    MeshPlan {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(lineage, "lineage");
        teams = List.copyOf(teams);
        people = List.copyOf(people);
        domains = List.copyOf(domains);
        products = List.copyOf(products);
        if (lineage.size() != products.size()) {
            throw new IllegalArgumentException(
                    "lineage covers " + lineage.size() + " products, not " + products.size());
        }
    }
}
