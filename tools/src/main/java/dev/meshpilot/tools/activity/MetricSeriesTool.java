package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.MetricPoint;
import dev.meshpilot.sandbox.principal.Scope;
import dev.meshpilot.sandbox.tool.ToolContext;
import dev.meshpilot.sandbox.tool.ToolDeclaration;
import dev.meshpilot.sandbox.tool.ToolOutput;
import dev.meshpilot.tools.MeshView;
import dev.meshpilot.tools.support.Args;
import dev.meshpilot.tools.support.OutputSchemas;
import dev.meshpilot.tools.support.ProductTool;
import dev.meshpilot.tools.support.Results;
import dev.meshpilot.tools.support.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code metric_series}: one metric of a product's datasets over time (row counts, bytes, null and distinct
 * counts per column), oldest first, with min, max, mean and the last value's change against the mean of the
 * ones before it — enough to see a drop or a spike without reading every point.
 */
public final class MetricSeriesTool extends ProductTool {
    public static final String NAME = "metric_series";
    static final List<String> METRICS =
            List.of("row_count", "bytes", "null_count", "distinct_count", "sum", "min", "max");
    private static final int DEFAULT_POINTS = 30;
    private static final int MAX_POINTS = 500;

    public MetricSeriesTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns a metric series of a data product (from OpenLineage output statistics and data quality "
                                        + "metrics): row_count or bytes per run, or null_count / distinct_count of a column. "
                                        + "The newest points, oldest first, with min, max, mean and how the last value compares "
                                        + "to the mean of the earlier ones.",
                                Schema.input()
                                        .required("product", Schema.productId("Product id."))
                                        .required("metric", Schema.oneOf("The metric.", METRICS))
                                        .optional(
                                                "column",
                                                Schema.string(1, 200, "Column, for null_count and distinct_count."))
                                        .optional(
                                                "since",
                                                Schema.string(1, 40, "Only points at or after this ISO-8601 instant."))
                                        .optional(
                                                "until",
                                                Schema.string(1, 40, "Only points at or before this ISO-8601 instant."))
                                        .optional(
                                                "points",
                                                Schema.integer(
                                                        1,
                                                        MAX_POINTS,
                                                        "How many newest points (default " + DEFAULT_POINTS + ")."))
                                        .build())
                        .outputSchema(OutputSchemas.of(MetricSeries.class))
                        .scopes(Scope.METRICS_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        String metric = Args.required(args, "metric");
        String column = Args.string(args, "column").orElse("");
        Instant since = Args.instant(args, "since").orElse(null);
        Instant until = Args.instant(args, "until").orElse(null);
        int points = Args.integer(args, "points", DEFAULT_POINTS);
        List<MetricPoint> series = mesh.activity().series(product, metric, column, since, until, points);
        if (series.isEmpty()) {
            List<String> known = mesh.activity().metricNames(product);
            return ToolOutput.noData("no " + metric + (column.isEmpty() ? "" : ":" + column) + " points for " + product
                    + (since == null ? "" : " since " + since) + (until == null ? "" : " until " + until)
                    + "; recorded metrics: "
                    + (known.isEmpty() ? "none" : String.join(", ", known)) + " (metric:column)");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (MetricPoint p : series) {
            min = Math.min(min, p.value());
            max = Math.max(max, p.value());
            sum += p.value();
        }
        double last = series.getLast().value();
        Optional<Double> change = series.size() < 2
                ? Optional.empty()
                : Optional.of((sum - last) / (series.size() - 1))
                        .filter(m -> m != 0)
                        .map(m -> last / m - 1);
        return Results.ok(new MetricSeries(
                product,
                metric,
                column.isEmpty() ? null : column,
                series.stream()
                        .map(p -> new MetricSeries.Point(p.at(), p.value()))
                        .toList(),
                new MetricSeries.Stats(
                        series.size(),
                        min,
                        max,
                        sum / series.size(),
                        last,
                        change.map(c -> Math.round(c * 1000) / 1000.0).orElse(null))));
    }
}
