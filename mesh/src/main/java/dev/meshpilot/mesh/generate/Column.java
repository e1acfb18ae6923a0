package dev.meshpilot.mesh.generate;

import java.util.Objects;

/** A column of a generated product: what its contract declares and its run events report. */
record Column(
        String name,
        String logicalType,
        String physicalType,
        boolean required,
        boolean primaryKey,
        String classification,
        String description) {
    Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(logicalType, "logicalType");
        Objects.requireNonNull(physicalType, "physicalType");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(description, "description");
    }

    boolean pii() {
        return "pii".equals(classification);
    }
}
