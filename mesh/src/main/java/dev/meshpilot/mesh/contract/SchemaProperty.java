package dev.meshpilot.mesh.contract;

import java.util.List;
import java.util.Objects;

/**
 * A property (column) of a schema object. {@code classification} is free text in ODCS (e.g. {@code pii},
 * {@code restricted}, {@code public}); nested properties of objects and arrays are in {@code properties}.
 */
public record SchemaProperty(
        String name,
        String logicalType,
        String physicalType,
        boolean required,
        boolean unique,
        boolean primaryKey,
        String classification,
        boolean criticalDataElement,
        String description,
        List<QualityRule> quality,
        List<SchemaProperty> properties) {
    public SchemaProperty {
        Objects.requireNonNull(name, "name");
        quality = List.copyOf(quality);
        properties = List.copyOf(properties);
    }
}
