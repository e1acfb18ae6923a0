package dev.meshpilot.mesh.contract;

import java.util.List;
import java.util.Objects;

/** A schema object (a table, a topic, a file) of a contract with its properties (columns). */
public record SchemaObject(
        String name,
        String physicalName,
        String logicalType,
        String description,
        List<SchemaProperty> properties,
        List<QualityRule> quality) {
    public SchemaObject {
        Objects.requireNonNull(name, "name");
        properties = List.copyOf(properties);
        quality = List.copyOf(quality);
    }
}
