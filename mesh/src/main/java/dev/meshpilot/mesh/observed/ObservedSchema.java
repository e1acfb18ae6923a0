package dev.meshpilot.mesh.observed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The physical schema of a product's table as seen in the warehouse. */
public record ObservedSchema(String productId, Instant observedAt, List<Column> columns) {
    /** An observed column. */
    public record Column(String name, String type) {}

    public ObservedSchema {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(observedAt, "observedAt");
        columns = List.copyOf(columns);
    }
}
