package dev.meshpilot.mesh.generate;

import java.util.List;
import java.util.Objects;

/**
 * A generated data product: id {@code <domain>.<name>}, one output port ({@code namespace} + {@code
 * dataset}), its columns and typical daily volume ({@code baseRows} rows of about {@code rowBytes} bytes).
 * Its upstream products are in {@link Lineage}, by {@code index}.
 */
record ProductPlan(
        int index,
        DomainPlan domain,
        String name,
        String entity,
        String criticality,
        boolean source,
        String namespace,
        String dataset,
        List<Column> columns,
        long baseRows,
        int rowBytes) {
    ProductPlan {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(criticality, "criticality");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(dataset, "dataset");
        columns = List.copyOf(columns);
    }

    String id() {
        return domain.id() + "." + name;
    }

    boolean hasPii() {
        return columns.stream().anyMatch(Column::pii);
    }
}
