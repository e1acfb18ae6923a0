package dev.meshpilot.mesh.contract;

/**
 * A data quality rule of a contract, object or property: its type ({@code library}, {@code sql},
 * {@code text}, {@code custom}), the library metric or the SQL query, and its dimension and severity.
 */
public record QualityRule(
        String name, String type, String metric, String query, String dimension, String severity, String description) {}
