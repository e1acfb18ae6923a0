package dev.meshpilot.mesh.openlineage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code dataQualityMetrics} facet: dataset-level counts and per-column metrics. Every value is
 * {@code null} when absent.
 */
public record DataQualityMetricsFacet(
        Long rowCount, Long bytes, Long fileCount, Map<String, ColumnMetrics> columnMetrics) {
    public DataQualityMetricsFacet {
        columnMetrics =
                columnMetrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columnMetrics));
    }

    /** The metrics of one column; each {@code null} when absent. */
    public record ColumnMetrics(Long nullCount, Long distinctCount, Double sum, Double count, Double min, Double max) {}
}
