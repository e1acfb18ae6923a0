package dev.meshpilot.mesh.openlineage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One facet container of a dataset ({@code facets}, {@code inputFacets} or {@code outputFacets}): the facets
 * Meshpilot reads, typed ({@code null} when absent or not read in this container), and all as received.
 *
 * @param schema {@code schema} (in {@code facets})
 * @param columnLineage {@code columnLineage} (in {@code facets})
 * @param ownership {@code ownership} (in {@code facets})
 * @param dataQualityMetrics {@code dataQualityMetrics} (in {@code inputFacets}, or {@code facets})
 * @param dataQualityAssertions {@code dataQualityAssertions} (in {@code inputFacets}, or {@code facets})
 * @param outputStatistics {@code outputStatistics} (in {@code outputFacets})
 * @param raw every facet of the container as received; unknown facets are kept here untouched
 */
public record DatasetFacets(
        SchemaFacet schema,
        ColumnLineageFacet columnLineage,
        OwnershipFacet ownership,
        DataQualityMetricsFacet dataQualityMetrics,
        DataQualityAssertionsFacet dataQualityAssertions,
        OutputStatisticsFacet outputStatistics,
        Map<String, JsonNode> raw) {
    public static final DatasetFacets EMPTY = new DatasetFacets(null, null, null, null, null, null, Map.of());

    public DatasetFacets {
        raw = Raw.copy(raw);
    }

    /** The facets Meshpilot did not interpret here (e.g. {@code dataSource}, {@code symlinks}). */
    public Map<String, JsonNode> unknown() {
        Set<String> read = new HashSet<>();
        addIf(read, "schema", schema);
        addIf(read, "columnLineage", columnLineage);
        addIf(read, "ownership", ownership);
        addIf(read, "dataQualityMetrics", dataQualityMetrics);
        addIf(read, "dataQualityAssertions", dataQualityAssertions);
        addIf(read, "outputStatistics", outputStatistics);
        return Raw.without(raw, read);
    }

    private static void addIf(Set<String> read, String name, Object facet) {
        if (facet != null) {
            read.add(name);
        }
    }
}
