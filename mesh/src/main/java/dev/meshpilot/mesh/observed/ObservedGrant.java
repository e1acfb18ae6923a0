package dev.meshpilot.mesh.observed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A grant seen in the warehouse; empty {@code columns} means the whole table. */
public record ObservedGrant(
        String principal, String productId, String privilege, List<String> columns, Instant grantedAt) {
    public static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE", "ALL");

    public ObservedGrant {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(privilege, "privilege");
        columns = List.copyOf(columns);
    }
}
