package dev.meshpilot.tools.anomaly;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * One product's anomaly at one moment, as {@code scan_metrics} reports it: the metric shown (others that moved
 * with it in {@code alsoMoved}), its family, what happened, since when, the value against the expected band, the
 * score, how many training points it rests on, the threshold used, and the recent values. A wire format:
 * components are added at the end.
 */
public record MetricAnomaly(
        @JsonPropertyDescription("The product.") String product,

        @JsonPropertyDescription("volume, completeness, distribution, timing, quality or schema.")
        String family,

        @JsonPropertyDescription("The series, e.g. row_count or null_rate:email.")
        String metric,

        @Nullable @JsonPropertyDescription("Its column, if any.")
        String column,

        @JsonPropertyDescription("drop, spike, level_shift, late, stale, column_added, ...")
        String kind,

        @JsonPropertyDescription("When it started.") Instant since,

        @JsonPropertyDescription("The worst observed value.")
        double observed,

        @JsonPropertyDescription("The expected value there.")
        double expected,

        @JsonPropertyDescription("Low end of the expected band.")
        double low,

        @JsonPropertyDescription("High end of the expected band.")
        double high,

        @JsonPropertyDescription("The score (robust z by default).")
        double score,

        @JsonPropertyDescription("Training points it rests on.")
        int training,

        @JsonPropertyDescription("The threshold the backtest chose.")
        double threshold,

        @JsonPropertyDescription("Whether a seasonal baseline was used.")
        boolean seasonal,

        @JsonPropertyDescription("Other series of the product that moved with it.")
        List<String> alsoMoved,

        @JsonPropertyDescription("The series' recent values, oldest first.")
        List<Double> recent,

        @JsonPropertyDescription("Bitmask of the families that moved (for grouping along lineage).")
        int families,

        @JsonPropertyDescription("The product's run cycle in seconds.")
        long cycle) {
    public MetricAnomaly {
        alsoMoved = alsoMoved == null ? List.of() : List.copyOf(alsoMoved);
        recent = recent == null ? List.of() : List.copyOf(recent);
    }
}
