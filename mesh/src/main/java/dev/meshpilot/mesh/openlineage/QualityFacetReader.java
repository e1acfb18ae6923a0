package dev.meshpilot.mesh.openlineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the facets that carry measurements: {@code dataQualityMetrics}, {@code dataQualityAssertions} and
 * {@code outputStatistics}. Counts must be integers, sums and extremes numbers, {@code success} a boolean.
 */
final class QualityFacetReader {
    private QualityFacetReader() {}

    /**
     * {@code dataQualityMetrics}: {@code rowCount}, {@code bytes}, {@code fileCount} and per-column
     * {@code nullCount}, {@code distinctCount} are integers. {@code columnMetrics} may be absent (the spec
     * requires it; Marquez and real producers do without).
     */
    static DataQualityMetricsFacet metrics(Cursor facet) {
        Long rowCount = facet.integer("rowCount");
        Long bytes = facet.integer("bytes");
        Long fileCount = facet.integer("fileCount");
        facet.text("lastUpdated", false);
        Map<String, DataQualityMetricsFacet.ColumnMetrics> columns = new LinkedHashMap<>();
        Cursor columnMetrics = facet.object("columnMetrics", false, "");
        if (columnMetrics != null) {
            columnMetrics.members().forEach((column, m) -> {
                if (m.isObject("an object of column metrics")) {
                    columns.put(column, columnMetrics(m));
                }
            });
        }
        return new DataQualityMetricsFacet(rowCount, bytes, fileCount, columns);
    }

    private static DataQualityMetricsFacet.ColumnMetrics columnMetrics(Cursor m) {
        Cursor quantiles = m.object("quantiles", false, "");
        if (quantiles != null) {
            quantiles.members().keySet().forEach(quantiles::number);
        }
        return new DataQualityMetricsFacet.ColumnMetrics(
                m.integer("nullCount"),
                m.integer("distinctCount"),
                m.number("sum"),
                m.number("count"),
                m.number("min"),
                m.number("max"));
    }

    /**
     * {@code dataQualityAssertions}: {@code assertions} (required) is an array of objects with an
     * {@code assertion} name and a boolean {@code success}; {@code expected}/{@code actual} may be any scalar.
     */
    static DataQualityAssertionsFacet assertions(Cursor facet) {
        List<DataQualityAssertionsFacet.Assertion> assertions = new ArrayList<>();
        for (Cursor a : facet.array("assertions", true, "an array of assertions")) {
            if (!a.isObject("an assertion (an object with assertion and success)")) {
                continue;
            }
            String name = a.name("assertion");
            Boolean success = a.bool("success", true);
            String column = a.text("column", false);
            String severity = a.text("severity", false);
            String expected = a.scalar("expected");
            String actual = a.scalar("actual");
            a.object("params", false, "");
            if (name != null && success != null) {
                assertions.add(
                        new DataQualityAssertionsFacet.Assertion(name, success, column, severity, expected, actual));
            }
        }
        return new DataQualityAssertionsFacet(assertions);
    }

    /** {@code outputStatistics}: {@code rowCount}, {@code size} and {@code fileCount} are integers. */
    static OutputStatisticsFacet outputStatistics(Cursor facet) {
        return new OutputStatisticsFacet(facet.integer("rowCount"), facet.integer("size"), facet.integer("fileCount"));
    }
}
