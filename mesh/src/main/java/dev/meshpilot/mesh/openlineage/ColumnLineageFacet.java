package dev.meshpilot.mesh.openlineage;

import java.util.List;
import java.util.Objects;

/**
 * The {@code columnLineage} dataset facet of an output, flattened: one edge per (output field, input field).
 */
public record ColumnLineageFacet(List<Edge> edges) {
    public ColumnLineageFacet {
        edges = List.copyOf(edges);
    }

    /**
     * Output field {@code outputField} is derived from field {@code inputField} of dataset
     * {@code inputNamespace}/{@code inputName}.
     *
     * @param transformation how, e.g. {@code DIRECT/IDENTITY} or {@code INDIRECT/FILTER, DIRECT/AGGREGATION}
     *     (from {@code transformations}, else the deprecated {@code transformationType}); {@code null} if unknown
     */
    public record Edge(
            String outputField, String inputNamespace, String inputName, String inputField, String transformation) {
        public Edge {
            Objects.requireNonNull(outputField, "outputField");
            Objects.requireNonNull(inputNamespace, "inputNamespace");
            Objects.requireNonNull(inputName, "inputName");
            Objects.requireNonNull(inputField, "inputField");
        }
    }
}
