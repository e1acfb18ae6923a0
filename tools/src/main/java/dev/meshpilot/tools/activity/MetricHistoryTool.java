package dev.meshpilot.tools.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.meshpilot.mesh.activity.MetricPoint;
import dev.meshpilot.mesh.activity.QualityRecord;
import dev.meshpilot.mesh.activity.RunRecord;
import dev.meshpilot.mesh.anomaly.AnomalyRules;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code metric_history}: all metric series of one product over a window in one call — volumes, column null
 * and distinct counts, column sums/min/max, run durations and end times — so an anomaly sweep reads a product
 * with one call instead of one per metric and column.
 */
public final class MetricHistoryTool extends ProductTool {
    public static final String NAME = "metric_history";
    private static final int MAX_RUNS = 500;

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
        List<MetricHistory.Series> out = new ArrayList<>();
        Builder current = null;
        List<MetricPoint> points = new ArrayList<>(mesh.activity().history(product, since, until));
        points.addAll(mesh.activity().schemaChanges(product, since, until)); // sorted by column, then time
        for (MetricPoint p : points) {
            String column = p.column() == null || p.column().isEmpty() ? null : p.column();
            if (current == null || !current.metric.equals(p.metric()) || !Objects.equals(current.column, column)) {
                if (current != null) {
                    out.add(current.build());
                }
                current = new Builder(p.metric(), column);
            }
            current.add(p.at(), p.value());
        }
        if (current != null) {
            out.add(current.build());
        }
        runSeries(mesh, product, since, until, out);
        checkSeries(mesh, product, since, until, out);
        if (out.isEmpty()) {
            return Optional.empty();
        }
        List<MetricHistory.Rule> rules = new AnomalyRules(mesh.store())
                .forProduct(product).stream()
                        .map(r -> new MetricHistory.Rule(
                                r.kind(), r.metric(), r.from(), r.to(), r.reason(), r.settings()))
                        .toList();
        return Optional.of(new MetricHistory(product, mesh.asOf(), since, until, out, rules));
    }

    private static void runSeries(
            MeshView mesh, String product, Instant since, Instant until, List<MetricHistory.Series> out) {
        Builder duration = new Builder("run_duration_s", null);
        Builder end = new Builder("end_offset_s", null);
        List<RunRecord> runs = mesh.activity().runs(product, "COMPLETED", until, 0, MAX_RUNS);
        for (RunRecord r : runs.reversed()) {
            if (r.endedAt() == null || (since != null && r.endedAt().isBefore(since))) {
                continue;
            }
            if (r.duration() != null) {
                duration.add(r.endedAt(), r.duration().toMillis() / 1000.0);
            }
            end.add(r.endedAt(), (double) (r.endedAt().getEpochSecond()
                    - r.endedAt().truncatedTo(ChronoUnit.DAYS).getEpochSecond()));
        }
        if (!duration.at.isEmpty()) {
            out.add(duration.build());
        }
        if (!end.at.isEmpty()) {
            out.add(end.build());
        }
    }

    /** {@code failed_checks}: how many data quality assertions failed at each time checks ran. */
    private static void checkSeries(
            MeshView mesh, String product, Instant since, Instant until, List<MetricHistory.Series> out) {
        java.util.TreeMap<Instant, Integer> failed = new java.util.TreeMap<>();
        for (QualityRecord q : mesh.activity().quality(product, false, 0, MAX_RUNS * 10)) {
            if ((since == null || !q.at().isBefore(since)) && (until == null || !q.at().isAfter(until))) {
                failed.merge(q.at(), q.success() ? 0 : 1, Integer::sum);
            }
        }
        if (!failed.isEmpty()) {
            Builder b = new Builder("failed_checks", null);
            failed.forEach((at, n) -> b.add(at, n));
            out.add(b.build());
        }
    }

    private static final class Builder {
        final String metric;
        final String column;
        final List<Long> at = new ArrayList<>();
        final List<Double> values = new ArrayList<>();

        Builder(String metric, String column) {
            this.metric = metric;
            this.column = column;
        }

        void add(Instant t, double v) {
            at.add(t.getEpochSecond());
            values.add(v);
        }

        MetricHistory.Series build() {
            return new MetricHistory.Series(metric, column, at, values);
        }
    }
}
