package dev.meshpilot.mesh.openlineage;

import java.util.Objects;

/**
 * An input or output dataset of an event.
 *
 * @param namespace the dataset namespace (e.g. {@code bigquery}); with {@code name}, what output ports match
 * @param name the dataset name
 * @param facets the dataset facets ({@code facets}): schema, column lineage, ownership, ...
 * @param ioFacets the run-specific facets: {@code inputFacets} of an input, {@code outputFacets} of an output
 */
public record Dataset(String namespace, String name, DatasetFacets facets, DatasetFacets ioFacets) {
    public Dataset {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        facets = facets == null ? DatasetFacets.EMPTY : facets;
        ioFacets = ioFacets == null ? DatasetFacets.EMPTY : ioFacets;
    }

    /** The data quality metrics, from {@code inputFacets} (where the spec puts them) else {@code facets}. */
    public DataQualityMetricsFacet dataQualityMetrics() {
        return ioFacets.dataQualityMetrics() != null ? ioFacets.dataQualityMetrics() : facets.dataQualityMetrics();
    }

    /** The data quality assertions, from {@code inputFacets} (where the spec puts them) else {@code facets}. */
    public DataQualityAssertionsFacet dataQualityAssertions() {
        DataQualityAssertionsFacet io = ioFacets.dataQualityAssertions();
        return io != null ? io : facets.dataQualityAssertions();
    }
}
