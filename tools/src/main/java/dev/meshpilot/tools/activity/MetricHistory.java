package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@code metric_history}: every metric series of one product over a window, compact (times as
 * epoch seconds beside the values), for sweeps that score many series at once.
 */
public record MetricHistory(
        @JsonPropertyDescription("Product id.") String product,

        @JsonPropertyDescription("The instant the mesh is judged at (its asOf, else now).")
        Instant asOf,

        @Nullable @JsonPropertyDescription("Only points at or after this instant.")
        Instant since,

        @Nullable @JsonPropertyDescription("Only points at or before this instant.")
        Instant until,

        @JsonPropertyDescription("One entry per metric (and column), by metric then column.")
        List<Series> series) {
    public MetricHistory {
        series = List.copyOf(series);
    }

    /**
     * One series: {@code row_count}, {@code bytes}, {@code null_count}, {@code distinct_count}, {@code sum},
     * {@code min}, {@code max} (per column) from the run events' metrics, and {@code run_duration_s} and
     * {@code end_offset_s} (seconds after 00:00 UTC of the day a completed run ended) from the runs.
     */
    public record Series(
            @JsonPropertyDescription("The metric.") String metric,

            @Nullable @JsonPropertyDescription("The column, for column metrics.")
            String column,

            @JsonPropertyDescription("Times of the points, epoch seconds, oldest first.")
            List<Long> at,

            @JsonPropertyDescription("Values, one per time.")
            List<Double> values) {
        public Series {
            at = List.copyOf(at);
            values = List.copyOf(values);
        }
    }
}
