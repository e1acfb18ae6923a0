package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.FreeText;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        List<Series> series,

        @JsonPropertyDescription(
                "What the workspace's anomalies.yaml declares for this product (and the whole mesh): detector "
                        + "settings, exclusion windows, feedback (expected, fixed).")
        List<Rule> rules) {
    public MetricHistory {
        series = List.copyOf(series);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /**
     * A declaration of anomalies.yaml: {@code settings}, {@code exclusion}, {@code expected} or {@code fixed};
     * the metric it is limited to (null: all); a window [from, to) for the last three; settings by name.
     */
    public record Rule(
            @JsonPropertyDescription("settings, exclusion, expected or fixed.")
            String kind,

            @Nullable @JsonPropertyDescription("Only this series (e.g. row_count, null_rate:email); null for all.")
            String metric,

            @Nullable @JsonPropertyDescription("Window start.")
            Instant from,

            @Nullable @JsonPropertyDescription("Window end (exclusive).")
            Instant to,

            @Nullable @FreeText @JsonPropertyDescription("Why, as declared.")
            String reason,

            @JsonPropertyDescription("Detector settings by name (kind settings).")
            Map<String, String> settings) {}

    /**
     * One series: {@code row_count}, {@code bytes}, {@code null_count}, {@code distinct_count}, {@code sum},
     * {@code min}, {@code max} (per column) from the run events' metrics, and {@code run_duration_s} and
     * {@code end_offset_s} (seconds after 00:00 UTC of the day a completed run ended) from the runs, and
     * {@code failed_checks} (data quality assertions that failed at each check time), and {@code schema_change} per
     * column (1 added, -1 removed, 2 type changed: the changes between consecutive observed schema facets).
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
