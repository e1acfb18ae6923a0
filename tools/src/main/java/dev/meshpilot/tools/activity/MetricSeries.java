package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.meshpilot.mesh.view.Nullable;
import java.time.Instant;
import java.util.List;

/** The result of {@code metric_series}: the newest points of one metric of a product, oldest first, with stats. */
public record MetricSeries(
        @JsonPropertyDescription("Product id.") String product,
        @JsonPropertyDescription("The metric.") String metric,

        @Nullable @JsonPropertyDescription("The column, if any.")
        String column,

        @JsonPropertyDescription("Points, oldest first.") List<Point> points,
        @JsonPropertyDescription("Summary of the points.") Stats stats) {
    public MetricSeries {
        points = List.copyOf(points);
    }

    /** One value at one time. */
    public record Point(
            @JsonPropertyDescription("Time of the point.") Instant at,
            @JsonPropertyDescription("Value.") double value) {}

    /** Summary of the points returned. */
    public record Stats(
            @JsonPropertyDescription("Points returned.") int count,
            @JsonPropertyDescription("Smallest value.") double min,
            @JsonPropertyDescription("Largest value.") double max,
            @JsonPropertyDescription("Mean value.") double mean,
            @JsonPropertyDescription("Newest value.") double last,

            @Nullable
            @JsonPropertyDescription(
                    "Newest value / mean of the earlier ones - 1 (e.g. -0.6 = 60% below); null with one point.")
            Double lastVsMeanOfPrevious) {}
}
