package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.Recorded;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code metric_history}: all metric series of one product over a window in one call — volumes, column null
 * and distinct counts, column sums/min/max, run durations and end times — so an anomaly sweep reads a product
 * with one call instead of one per metric and column.
 */
public final class MetricHistoryTool extends ProductTool {
    public static final String NAME = "metric_history";

    public MetricHistoryTool(MeshView mesh) {
        super(
                ToolDeclaration.builder(
                                NAME,
                                "Returns every metric series of a data product over a window, compactly: row_count, "
                                        + "bytes, per-column null_count, distinct_count, sum, min, max (OpenLineage metrics), "
                                        + "run_duration_s and end_offset_s of completed runs, and failed_checks (failed data quality assertions per "
                                        + "check time), and schema_change per column (1 added, -1 removed, 2 type changed, from "
                                        + "the history of OpenLineage schema facets); times as epoch seconds. "
                                        + "Also the mesh's asOf. Use metric_series for one metric with stats.",
                                Schema.input()
                                        .required("product", Schema.productId("Product id."))
                                        .optional(
                                                "since",
                                                Schema.string(1, 40, "Only points at or after this ISO-8601 instant."))
                                        .optional(
                                                "until",
                                                Schema.string(1, 40, "Only points at or before this ISO-8601 instant."))
                                        .build())
                        .outputSchema(OutputSchemas.of(MetricHistory.class))
                        .scopes(Scope.METRICS_READ)
                        .build(),
                mesh,
                "product");
    }

    @Override
    protected ToolOutput execute(ToolContext context, JsonNode args, String product) {
        Instant since = Args.instant(args, "since").orElse(null);
        Instant until = Args.instant(args, "until").orElse(null);
        return read(mesh, product, since, until)
                .map(Results::ok)
                .orElseGet(() -> ToolOutput.noData("no metrics or runs recorded for " + product
                        + (since == null ? "" : " since " + since) + (until == null ? "" : " until " + until)));
    }

    /**
     * Every series of a product from {@code since} to {@code until} (each open when null) with its
     * {@code anomalies.yaml} rules, as this tool returns it; empty when nothing was recorded.
     */
    public static Optional<MetricHistory> read(MeshView mesh, String product, Instant since, Instant until) {
        mesh.histories().refresh();
        return mesh.histories().read(product, since, until).map(r -> history(r, mesh.asOf(), since, until));
    }

    /** The JSON view of recorded points. */
    static MetricHistory history(Recorded r, Instant asOf, Instant since, Instant until) {
        List<MetricHistory.Series> series = new ArrayList<>(r.tracks().size());
        for (Recorded.Track t : r.tracks()) {
            List<Long> at = new ArrayList<>(t.at().length);
            List<Double> values = new ArrayList<>(t.values().length);
            for (int i = 0; i < t.at().length; i++) {
                at.add(t.at()[i]);
                values.add(t.values()[i]);
            }
            series.add(new MetricHistory.Series(t.metric(), t.column(), at, values));
        }
        List<MetricHistory.Rule> rules = r.rules().stream()
                .map(x -> new MetricHistory.Rule(x.kind(), x.metric(), x.from(), x.to(), x.reason(), x.settings()))
                .toList();
        return new MetricHistory(r.product(), asOf, since, until, series, rules);
    }
}
