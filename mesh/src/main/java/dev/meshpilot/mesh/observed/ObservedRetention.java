package dev.meshpilot.mesh.observed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** The partitions of a product's data seen in the warehouse: how far back the data goes. */
public record ObservedRetention(
        String productId,
        Instant observedAt,
        LocalDate oldestPartition,
        LocalDate newestPartition,
        Integer partitions) {
    public ObservedRetention {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(oldestPartition, "oldestPartition");
        Objects.requireNonNull(newestPartition, "newestPartition");
    }
}
